using System.Diagnostics;
using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Analysis;

/// <summary>
/// Wraps the operator a plan node became and counts into <see cref="Counters"/> what passes through it. Only
/// EXPLAIN ANALYZE builds these (see <see cref="PlanAnalysis"/>), so a plan that is not analyzed has no wrapper
/// and pays nothing.
/// </summary>
public sealed class AnalyzedOperator(PhysicalOperator input, OperatorCounters counters) : PhysicalOperator
{
    public PhysicalOperator Input { get; } = input;

    public OperatorCounters Counters { get; } = counters;

    public override IReadOnlyList<SqlType> OutputTypes => Input.OutputTypes;

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount)
    {
        var start = Stopwatch.GetTimestamp();
        var stream = Input.Open(context, partition, partitionCount);
        Counters.AddLoop(Stopwatch.GetTimestamp() - start);
        return new Stream(stream, Counters);
    }

    public override string ToString() => "Analyze " + Input;

    private sealed class Stream(OperatorStream input, OperatorCounters counters) : OperatorStream
    {
        public override Batch? Next()
        {
            var start = Stopwatch.GetTimestamp();
            var batch = input.Next();
            var ticks = Stopwatch.GetTimestamp() - start;
            if (batch is null)
                counters.AddTime(ticks);
            else
                counters.AddBatch(batch.ActiveCount, ticks);
            return batch;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                input.Dispose();
            base.Dispose(disposing);
        }
    }
}
