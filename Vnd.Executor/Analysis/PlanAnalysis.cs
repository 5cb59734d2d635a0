using Vnd.Executor.Operators;
using Vnd.Planner.Logical;

namespace Vnd.Executor.Analysis;

/// <summary>
/// The counters of one EXPLAIN ANALYZE run, one per logical plan node: the physical planner, given an analysis,
/// wraps the operator each node became in an <see cref="AnalyzedOperator"/> whose counters are filed under that
/// node, so the report prints in the same tree shape as EXPLAIN. A node planned twice (a subquery re-planned) adds
/// to the same counters.
/// </summary>
public sealed class PlanAnalysis
{
    private readonly Dictionary<LogicalPlan, OperatorCounters> _counters = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _gate = new();

    /// <summary>The counters of <paramref name="node"/>, or null if it was never planned (pruned, folded away).</summary>
    public OperatorCounters? For(LogicalPlan node)
    {
        lock (_gate)
            return _counters.GetValueOrDefault(node);
    }

    public PhysicalOperator Wrap(LogicalPlan node, PhysicalOperator physical)
    {
        OperatorCounters counters;
        lock (_gate)
        {
            if (!_counters.TryGetValue(node, out counters!))
                _counters[node] = counters = new OperatorCounters();
        }
        return new AnalyzedOperator(physical, counters);
    }
}
