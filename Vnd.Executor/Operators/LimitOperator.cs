using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// LIMIT/OFFSET. Needs the global row order, so it reads its input as one partition (partition 0 of the limit)
/// and trims batches by shortening their selection. Stops pulling once the limit is reached.
/// </summary>
public sealed class LimitOperator : PhysicalOperator
{
    public LimitOperator(PhysicalOperator input, long? limit, long offset = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (limit < 0)
            throw new ArgumentOutOfRangeException(nameof(limit));
        Input = input;
        Limit = limit;
        Offset = offset;
    }

    public PhysicalOperator Input { get; }

    public long? Limit { get; }

    public long Offset { get; }

    public override IReadOnlyList<SqlType> OutputTypes => Input.OutputTypes;

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        partition == 0 ? new Stream(this, Input.Open(context, 0, 1)) : new EmptyStream();

    public override string ToString() => $"Limit {Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "ALL"} Offset {Offset}";

    private sealed class Stream(LimitOperator plan, OperatorStream input) : OperatorStream
    {
        // A batch yields at most the limit's rows, so LIMIT 10 needs ten slots, not a full batch's (11% of a small query's bytes).
        private readonly int[] _selection = new int[(int)Math.Min(Batch.Capacity, plan.Limit ?? Batch.Capacity)];
        private long _skip = plan.Offset;
        private long _left = plan.Limit ?? long.MaxValue;
        private bool _inputClosed;

        public override Batch? Next()
        {
            if (_left == 0)
            {
                // Reached: stop the input now (an exchange's workers, a remote stream) rather than when the
                // client gets around to closing the result; the last batch returned is no longer read.
                CloseInput();
                return null;
            }
            while (_left > 0 && input.Next() is { } batch)
            {
                var rows = batch.Rows;
                var skip = (int)Math.Min(_skip, rows.Length);
                _skip -= skip;
                var take = (int)Math.Min(_left, rows.Length - skip);
                if (take == 0)
                    continue;
                _left -= take;
                if (skip == 0 && take == rows.Length)
                    return batch;
                rows.Slice(skip, take).CopyTo(_selection);
                batch.SetSelection(_selection, take);
                return batch;
            }
            return null;
        }

        private void CloseInput()
        {
            if (_inputClosed)
                return;
            _inputClosed = true;
            input.Dispose();
        }

        protected override void Dispose(bool disposing) => CloseInput();
    }
}
