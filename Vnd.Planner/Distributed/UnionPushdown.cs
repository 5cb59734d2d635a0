using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Distributed;

/// <summary>
/// Before placement: operators above a UNION ALL whose branches live at different sites move into the branches, so
/// they run at the table servers and only their results cross the network — a projection (fewer columns), an
/// aggregate as partial + final (<see cref="PartialAggregation"/>), and a top-N (each branch keeps its first n).
/// A union within one site is left alone: it already runs there whole.
/// </summary>
internal sealed class UnionPushdown(Func<LogicalPlan, int> siteCount, ColumnIdAllocator ids)
{
    public LogicalPlan Rewrite(LogicalPlan plan) => PlanWalk.TransformUp(plan, node => node switch
    {
        Project { Input: SetOperationPlan union } project when Spans(union) => IntoBranches(project, union),
        Aggregate { Input: SetOperationPlan union } aggregate when Spans(union) => PartialAggregation.Split(aggregate, union, ids),
        Sort { Fetch: not null, Input: SetOperationPlan union } sort when Spans(union) => TopN(sort, union),
        _ => null,
    });

    private bool Spans(SetOperationPlan union) => UnionBranches.IsUnionAll(union) && siteCount(union) > 1;

    /// <summary>Project(∪ bᵢ) = ∪ Project(bᵢ): the union's columns become the projection's (same ids, for the parents).</summary>
    private LogicalPlan? IntoBranches(Project project, SetOperationPlan union)
    {
        if (project.Items.Any(i => ExprWalk.Any(i.Expr, e => e is BoundSubquery)))
            return null;
        var branches = UnionBranches.Of(union).Select(branch => (LogicalPlan)new Project(branch, SqlList.From(project.Items.Select(i =>
            new ProjectItem(new PlanColumn(ids.Next(), i.Column.Name, i.Column.Type), UnionBranches.InBranch(i.Expr, union.Columns, branch)))))).ToList();
        return UnionBranches.Union(branches, SqlList.From(project.Items.Select(i => i.Column)), ids);
    }

    /// <summary>The first n of a union are among the first n of each branch: each branch sorts and keeps n.</summary>
    private LogicalPlan? TopN(Sort sort, SetOperationPlan union)
    {
        if (sort.Keys.Any(k => ExprWalk.Any(k.Expr, e => e is BoundSubquery)))
            return null;
        var branches = UnionBranches.Of(union);
        if (branches.All(b => b is Sort { Fetch: not null } inner && inner.Fetch <= sort.Fetch))
            return null;
        var limited = branches.Select(branch => (LogicalPlan)new Sort(branch,
            SqlList.From(sort.Keys.Select(k => k with { Expr = UnionBranches.InBranch(k.Expr, union.Columns, branch) })), sort.Fetch)).ToList();
        return sort with { Input = UnionBranches.Union(limited, union.Columns, ids) };
    }
}
