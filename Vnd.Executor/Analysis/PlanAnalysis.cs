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
    private readonly Dictionary<LogicalPlan, OperatorCounters> _exchanges = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<LogicalPlan, string> _notes = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _gate = new();

    /// <summary>Records how the physical planner carried out <paramref name="node"/> where the logical plan does not
    /// show it (a late-materialized scan under a join), for EXPLAIN ANALYZE to print on the node's line.</summary>
    public void Note(LogicalPlan node, string note)
    {
        lock (_gate)
            _notes[node] = note;
    }

    /// <summary>The physical planner's note on <paramref name="node"/>, or null.</summary>
    public string? NoteFor(LogicalPlan node)
    {
        lock (_gate)
            return _notes.GetValueOrDefault(node);
    }

    /// <summary>The counters of <paramref name="node"/>, or null if it was never planned (pruned, folded away).</summary>
    public OperatorCounters? For(LogicalPlan node)
    {
        lock (_gate)
            return _counters.GetValueOrDefault(node);
    }

    public PhysicalOperator Wrap(LogicalPlan node, PhysicalOperator physical) => new AnalyzedOperator(physical, Counters(_counters, node));

    /// <summary>The counters of the exchange gathering <paramref name="node"/>'s partitions, or null if it has none.</summary>
    public OperatorCounters? ExchangeFor(LogicalPlan node)
    {
        lock (_gate)
            return _exchanges.GetValueOrDefault(node);
    }

    /// <summary>Wraps the exchange the planner put above <paramref name="node"/> (it has no plan node of its own).</summary>
    public PhysicalOperator WrapExchange(LogicalPlan node, PhysicalOperator exchange) => new AnalyzedOperator(exchange, Counters(_exchanges, node));

    private OperatorCounters Counters(Dictionary<LogicalPlan, OperatorCounters> counters, LogicalPlan node)
    {
        lock (_gate)
        {
            if (!counters.TryGetValue(node, out var found))
                counters[node] = found = new OperatorCounters();
            return found;
        }
    }
}
