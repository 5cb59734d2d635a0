using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>Constant rows (VALUES, and the single empty row under a SELECT without FROM).</summary>
public sealed record Values(SqlList<PlanColumn> Columns, SqlList<SqlList<BoundExpr>> Rows) : LogicalPlan
{
    public override SqlList<PlanColumn> Output => Columns;

    public override SqlList<LogicalPlan> Inputs => SqlList<LogicalPlan>.Empty;

    public override LogicalPlan WithInputs(SqlList<LogicalPlan> inputs) => this;
}
