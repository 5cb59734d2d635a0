using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// generate_series(start, stop, step) in FROM: one column of int4 or int8. The arguments reference no column of
/// the query (they are evaluated once per run), and all three have the column's type.
/// </summary>
public sealed record SeriesScan(PlanColumn Column, BoundExpr Start, BoundExpr Stop, BoundExpr Step) : LogicalPlan
{
    public override SqlList<PlanColumn> Output => [Column];

    public override SqlList<LogicalPlan> Inputs => SqlList<LogicalPlan>.Empty;

    public override LogicalPlan WithInputs(SqlList<LogicalPlan> inputs) => this;

    public SqlList<BoundExpr> Arguments => [Start, Stop, Step];
}
