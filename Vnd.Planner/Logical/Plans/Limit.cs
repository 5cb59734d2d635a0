using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// OFFSET then LIMIT; both are constant or parameter expressions of type int8, null when absent. With
/// <see cref="Ties"/> (FETCH FIRST … WITH TIES, the ORDER BY keys over the sorted input) the rows that equal the
/// last counted row on those keys are returned too.
/// </summary>
public sealed record Limit(LogicalPlan Input, BoundExpr? Count, BoundExpr? Offset) : UnaryPlan(Input)
{
    public SqlList<SortKey> Ties { get; init; } = SqlList<SortKey>.Empty;

    public override SqlList<PlanColumn> Output => Input.Output;
}
