using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Rules;

/// <summary>
/// distinct_aggregates: sum/avg/… (DISTINCT x) become the plain aggregates over the distinct (groups, x) pairs — an
/// aggregate over a grouping by the original keys plus x. The executor can deduplicate per group itself, but only
/// by keeping every distinct value until the end; the two groupings instead run as ordinary parallel (and, across
/// table servers, partial) aggregates. min, max, bool_and and bool_or ignore DISTINCT (duplicates cannot change
/// them). Applies when every aggregate of the node reads the same single argument without FILTER and all are
/// DISTINCT or duplicate-insensitive; other mixes are left to the executor's per-group distinct sets.
/// </summary>
public sealed class DistinctAggregates : ILogicalRule
{
    public string Name => "distinct_aggregates";

    public RuleResult Apply(LogicalPlan plan)
    {
        ColumnIdAllocator? ids = null;
        var result = PlanWalk.TransformUp(plan, node => node is Aggregate aggregate && Needed(aggregate)
            ? Rewrite(aggregate, ids ??= new ColumnIdAllocator(plan))
            : null);
        return RuleResult.Compare(plan, result);
    }

    private static bool DuplicateInsensitive(BoundAggregate call) =>
        call.Name.ToLowerInvariant() is "min" or "max" or "bool_and" or "bool_or" or "every";

    /// <summary>Some DISTINCT aggregate the executor cannot run (anything but count).</summary>
    private static bool Needed(Aggregate aggregate) =>
        aggregate.Aggregates.Any(a => a.Call.Distinct && !a.Call.Name.Equals("count", StringComparison.OrdinalIgnoreCase));

    private static LogicalPlan? Rewrite(Aggregate aggregate, ColumnIdAllocator ids)
    {
        if (aggregate.Aggregates.All(a => !a.Call.Distinct || DuplicateInsensitive(a.Call) || a.Call.Name.Equals("count", StringComparison.OrdinalIgnoreCase)))
        {
            // Only duplicate-insensitive ones (and count, which the executor deduplicates itself): drop their DISTINCT.
            return aggregate with
            {
                Aggregates = SqlList.From(aggregate.Aggregates.Select(a => DuplicateInsensitive(a.Call) ? a with { Call = a.Call with { Distinct = false } } : a)),
            };
        }
        var argument = aggregate.Aggregates[0].Call.Arguments is [var first] ? first : null;
        if (argument is null || aggregate.Aggregates.Any(a =>
                a.Call.Filter is not null || a.Call.WithinGroup.Count > 0 || a.Call.OrderBy.Count > 0 || a.Call.Arguments is not [var x] || !x.Equals(argument)
                || !(a.Call.Distinct || DuplicateInsensitive(a.Call))))
            return null;
        var value = new PlanColumn(ids.Next(), "distinct", argument.Type);
        var innerGroups = aggregate.Groups.Select(g => new ProjectItem(new PlanColumn(ids.Next(), g.Column.Name, g.Column.Type), g.Expr)).ToList();
        var pairs = new Aggregate(aggregate.Input, SqlList.From([.. innerGroups, new ProjectItem(value, argument)]), SqlList<AggregateItem>.Empty);
        var groups = aggregate.Groups.Select((g, i) => new ProjectItem(g.Column, BoundColumn.Of(innerGroups[i].Column)));
        var aggregates = aggregate.Aggregates.Select(a => a with { Call = a.Call with { Distinct = false, Arguments = [BoundColumn.Of(value)] } });
        return new Aggregate(pairs, SqlList.From(groups), SqlList.From(aggregates));
    }
}
