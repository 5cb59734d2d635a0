using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>
/// The finishing half of a decomposed aggregate (<see cref="ReconciledAggregate"/>): one row computed from the other
/// site's summary and this site's sums over its matched rows (<see cref="ReconciledAggregation"/>), or, when any
/// run-time check fails, the rows of <see cref="Fallback"/> — the original aggregate over a join with the other
/// side's rows, which <see cref="Remote.RemoteInputsStart"/> leaves unstarted (see <see cref="StartedChildren"/>) so
/// they move only then. Produced on partition 0.
/// </summary>
public sealed class ReconciledAggregateOperator(PhysicalOperator input, PhysicalOperator partial, PhysicalOperator fallback, Expression key,
    Expression[] terms, DecomposedAggregate[] aggregates) : PhysicalOperator
{
    public PhysicalOperator Input { get; } = input;

    public PhysicalOperator Partial { get; } = partial;

    public PhysicalOperator Fallback { get; } = fallback;

    public Expression Key { get; } = key;

    public Expression[] Terms { get; } = terms;

    public DecomposedAggregate[] Aggregates { get; } = aggregates;

    public override IReadOnlyList<SqlType> OutputTypes => Fallback.OutputTypes;

    public override IReadOnlyList<PhysicalOperator> Children => [Input, Partial, Fallback];

    /// <summary>The children whose remote inputs may start when the plan opens: not the fallback.</summary>
    public IReadOnlyList<PhysicalOperator> StartedChildren => [Input, Partial];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        partition == 0 ? new Stream(this, context) : new EmptyStream();

    public override string ToString() => $"ReconciledAggregate [{Key}] terms={Terms.Length} aggregates={Aggregates.Length}";

    private sealed class Stream(ReconciledAggregateOperator plan, QueryContext context) : OperatorStream
    {
        private bool _started;
        private OperatorStream? _fallback;

        public override Batch? Next()
        {
            if (_started)
                return _fallback?.Next();
            _started = true;
            var output = new Batch(plan.OutputTypes);
            if (new ReconciledAggregation(plan, context).TryRun(output))
                return output;
            _fallback = plan.Fallback.Open(context);
            return _fallback.Next();
        }

        protected override void Dispose(bool disposing)
        {
            _fallback?.Dispose();
            _fallback = null;
        }
    }
}
