using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.SetReconciliation;
using Vnd.Planner.Types;

namespace Vnd.Executor.Remote;

/// <summary>
/// Starts every remote fragment a plan reads as soon as the plan opens, instead of when an operator first pulls
/// from it. A join drains its build side before it opens its probe side, so without this a fragment at another
/// table server would not begin until the one before it had finished: sites would work one after the other, and a
/// cancel could only ever find one of them busy. Started streams run until the bounded buffers between the table
/// server and here are full, so memory stays bounded.
/// </summary>
public sealed class RemoteInputsStart : PhysicalOperator
{
    private readonly PhysicalOperator _input;
    private readonly RemoteBatchSource[] _sources;

    private RemoteInputsStart(PhysicalOperator input, RemoteBatchSource[] sources)
    {
        _input = input;
        _sources = sources;
    }

    /// <summary><paramref name="plan"/>, starting its remote inputs on open when it has any.</summary>
    public static PhysicalOperator Wrap(PhysicalOperator plan)
    {
        var sources = new List<RemoteBatchSource>();
        Collect(plan, sources);
        return sources.Count == 0 ? plan : new RemoteInputsStart(plan, sources.ToArray());
    }

    public override IReadOnlyList<SqlType> OutputTypes => _input.OutputTypes;

    public override IReadOnlyList<PhysicalOperator> Children => [_input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount)
    {
        foreach (var source in _sources)
            source.Start(context);
        return _input.Open(context, partition, partitionCount);
    }

    private static void Collect(PhysicalOperator plan, List<RemoteBatchSource> sources)
    {
        if (plan is TableScanOperator { Source: RemoteBatchSource remote })
            sources.Add(remote);
        // A set-difference join reads its retry and fallback only when reconciliation fails: starting them would move the keys
        // that reconciliation exists to avoid moving.
        // Likewise a decomposed aggregate's retry table and fallback rows.
        var children = plan switch
        {
            SetDifferenceJoinOperator difference => difference.StartedChildren,
            ReconciledPartialOperator partial => partial.StartedChildren,
            ReconciledAggregateOperator aggregate => aggregate.StartedChildren,
            _ => plan.Children,
        };
        foreach (var child in children)
            Collect(child, sources);
    }

    public override string ToString() => $"StartRemoteInputs ({_sources.Length})";
}
