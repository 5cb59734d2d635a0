using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// Groups by <see cref="Groups"/> and computes <see cref="Aggregates"/>; output = group columns then aggregates.
/// No groups means one output row even for empty input (SELECT count(*) FROM empty → 0).
/// </summary>
public sealed record Aggregate(LogicalPlan Input, SqlList<ProjectItem> Groups, SqlList<AggregateItem> Aggregates) : UnaryPlan(Input)
{
    public override SqlList<PlanColumn> Output =>
        SqlList.From(Groups.Select(g => g.Column).Concat(Aggregates.Select(a => a.Column)));
}
