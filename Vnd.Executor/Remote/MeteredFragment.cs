using System.Diagnostics;
using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Planner.Types;

namespace Vnd.Executor.Remote;

/// <summary>
/// An in-process exchange under EXPLAIN ANALYZE: the producing fragment's operators, with every batch they deliver
/// counted into <paramref name="actuals"/> — rows, and the Arrow IPC bytes the same batch has when a table server
/// streams it (converted with the same <see cref="BatchArrowWriter"/>, all output columns, empty batches skipped,
/// as <c>TableFlightServer</c> does), so embedded and Flight runs report comparable bytes. Only EXPLAIN ANALYZE
/// builds one; the conversion costs it time that plain queries do not pay.
/// </summary>
public sealed class MeteredFragment(PhysicalOperator fragment, IReadOnlyList<string> names, int producer, ExchangeActuals actuals)
    : PhysicalOperator
{
    public override IReadOnlyList<SqlType> OutputTypes => fragment.OutputTypes;

    public override IReadOnlyList<PhysicalOperator> Children => [fragment];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount)
    {
        var start = Stopwatch.GetTimestamp();
        var stream = fragment.Open(context, partition, partitionCount);
        return new Stream(stream, new BatchArrowWriter(names, fragment.OutputTypes), producer, actuals, Stopwatch.GetTimestamp() - start);
    }

    private sealed class Stream(OperatorStream input, BatchArrowWriter writer, int producer, ExchangeActuals actuals, long ticks)
        : OperatorStream
    {
        private long _ticks = ticks;
        private long _rows;
        private long _bytes;
        private long _batches;
        private bool _recorded;

        public override Vnd.Executor.Vectors.Batch? Next()
        {
            var start = Stopwatch.GetTimestamp();
            var batch = input.Next();
            _ticks += Stopwatch.GetTimestamp() - start;
            if (batch is { ActiveCount: > 0 })
            {
                using var record = writer.Write(batch);
                _bytes += ArrowIpcSize.Of(record);
                _rows += batch.ActiveCount;
                _batches++;
            }
            return batch;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_recorded)
            {
                _recorded = true;
                input.Dispose();
                actuals.Record(producer, new ExchangeActual(_rows, _bytes, _batches, Stopwatch.GetElapsedTime(0, _ticks)));
            }
            base.Dispose(disposing);
        }
    }
}
