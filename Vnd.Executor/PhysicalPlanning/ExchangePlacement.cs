using Vnd.Executor.Operators;
using Vnd.Planner.Distributed;
using Vnd.Planner.Explain;
using Vnd.Planner.Logical;

namespace Vnd.Executor.PhysicalPlanning;

/// <summary>
/// Where a query gets a <see cref="GatherOperator"/>: above the streaming pipeline that delivers its result, so
/// that pipeline runs in every partition instead of one. A plan node streams when its partitions are disjoint parts
/// of a table scan passed through per-batch operators: filter, project, the probe side of a hash join, Bloom and
/// set-difference probes. The pipeline is the root, or under the root's LIMIT (and projections above it), which
/// reads one stream: only there, because a subquery or LATERAL body may run once per outer row, where starting
/// threads would cost more than it saves. Breakers (aggregate, sort, join build) drain in parallel on their own.
/// The exchange keeps scan order: PostgreSQL users (and this project's tests) see a plain SELECT's rows in capture
/// order, and keeping it costs only the merge; it decides by the logical plan so EXPLAIN shows it without running.
/// </summary>
public static class ExchangePlacement
{
    /// <summary>The node whose result the exchange gathers, or null when the query has no streaming pipeline to run
    /// in parallel.</summary>
    public static LogicalPlan? Gathered(LogicalPlan root) => root switch
    {
        _ when Streams(root) => root,
        Limit l => Gathered(l.Input),
        Project p => Gathered(p.Input),
        _ => null,
    };

    /// <summary>EXPLAIN's text: the plan with the exchange's line above the node it gathers.</summary>
    public static string Explain(LogicalPlan root)
    {
        var gathered = Gathered(root);
        return PlanText.Format(root, null, node => ReferenceEquals(node, gathered) ? GatherOperator.Describe(ordered: true, workers: null) : null);
    }

    private static bool Streams(LogicalPlan plan) => plan switch
    {
        // A pushed-down fetch reads one partition (it is a LIMIT), and an exchange input arrives on one stream.
        Scan s => s.Fetch is null && !ExchangeScan.TryGetProducer(s, out _),
        Filter f => Streams(f.Input),
        Project p => Streams(p.Input),
        // An inner join may probe with either side (the smaller one is built, see BuildSideChoice).
        Join { Type: JoinType.Inner or JoinType.Cross } j => Streams(j.Left) || Streams(j.Right),
        Join j => Streams(j.Left),
        BloomFilterProbe b => Streams(b.Input),
        SetDifferenceJoin s => Streams(s.Input),
        _ => false,
    };
}
