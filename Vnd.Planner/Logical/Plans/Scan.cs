using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// Reads a table. <see cref="Filters"/> are pushed conjuncts the scan must apply exactly; <see cref="PruningHints"/>
/// let it skip segments by min/max; <see cref="Fetch"/> is a pushed-down row limit (only without filters).
/// </summary>
public sealed record Scan(
    string Schema,
    string Table,
    SqlList<ScanColumn> Columns,
    SqlList<BoundExpr> Filters,
    SqlList<ColumnRange> PruningHints,
    long? Fetch = null) : LogicalPlan
{
    public override SqlList<PlanColumn> Output => SqlList.From(Columns.Select(c => c.Column));

    public override SqlList<LogicalPlan> Inputs => SqlList<LogicalPlan>.Empty;

    public override LogicalPlan WithInputs(SqlList<LogicalPlan> inputs) => this;
}
