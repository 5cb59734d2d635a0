using Vnd.Planner.Logical;

namespace Vnd.Planner.Distributed;

/// <summary>
/// Fresh column ids for columns a rewrite adds (shipped join keys, partial aggregates), above every id of the plan,
/// including those of subquery plans inside its expressions (the binder numbers them after the outer query's).
/// </summary>
public sealed class ColumnIdAllocator(LogicalPlan plan)
{
    private int _next = Max(plan) + 1;

    public ColumnId Next() => new(_next++);

    private static int Max(LogicalPlan plan)
    {
        var max = 0;
        PlanWalk.Visit(plan, node =>
        {
            foreach (var column in node.Output)
                max = Math.Max(max, column.Id.Value);
            if (node is Aggregate aggregate)
            {
                foreach (var group in aggregate.Groups)
                    max = Math.Max(max, group.Column.Id.Value);
            }
            foreach (var expr in PlanWalk.Expressions(node))
            {
                // Any() visits every node of the expression; the predicate only collects, it never stops the walk.
                ExprWalk.Any(expr, e =>
                {
                    if (e is BoundSubquery subquery)
                        max = Math.Max(max, Max(subquery.Plan));
                    return false;
                });
            }
        });
        return max;
    }
}
