using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Sorting;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// FETCH FIRST n ROWS WITH TIES over sorted input: skips OFFSET rows, passes n rows, then keeps passing rows while
/// they equal the n-th row on the ORDER BY <see cref="Keys"/> (compared as normalised sort keys), and stops at the
/// first row that differs. Like <see cref="LimitOperator"/> it reads its input as one partition.
/// </summary>
public sealed class TiesLimitOperator : PhysicalOperator
{
    public TiesLimitOperator(PhysicalOperator input, long limit, long offset, IReadOnlyList<SortKey> keys)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        Input = input;
        Limit = limit;
        Offset = offset;
        Keys = keys;
    }

    public PhysicalOperator Input { get; }

    public long Limit { get; }

    public long Offset { get; }

    public IReadOnlyList<SortKey> Keys { get; }

    public override IReadOnlyList<SqlType> OutputTypes => Input.OutputTypes;

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        partition == 0 ? new Stream(this, Input.Open(context, 0, 1), context) : new EmptyStream();

    public override string ToString() =>
        $"Limit {Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)} Offset {Offset} with ties on [{string.Join(", ", Keys)}]";

    private sealed class Stream(TiesLimitOperator plan, OperatorStream input, QueryContext context) : OperatorStream
    {
        private readonly int[] _selection = new int[Batch.Capacity];
        private readonly SortKeyEncoder _encoder = new(plan.Keys);
        private readonly EvaluationScratch _scratch = new(context);
        private readonly Vector[] _columns = new Vector[plan.Keys.Count];
        private readonly List<byte> _bytes = [];
        private readonly List<int> _ends = [];
        private byte[]? _last;
        private long _skip = plan.Offset;
        private long _left = plan.Limit;
        private bool _done = plan.Limit == 0;

        public override Batch? Next()
        {
            while (!_done && input.Next() is { } batch)
            {
                var rows = batch.Rows;
                // Keys are needed only from the batch in which the n-th row passes.
                var keyed = _last is not null || _skip + _left <= rows.Length;
                if (keyed)
                    Encode(batch, rows);
                var count = 0;
                for (var k = 0; k < rows.Length; k++)
                {
                    if (_skip > 0)
                    {
                        _skip--;
                        continue;
                    }
                    if (_left > 0)
                    {
                        _selection[count++] = rows[k];
                        if (--_left == 0)
                            _last = Key(k).ToArray();
                        continue;
                    }
                    if (!Key(k).SequenceEqual(_last))
                    {
                        _done = true;
                        break;
                    }
                    _selection[count++] = rows[k];
                }
                if (count > 0)
                {
                    batch.SetSelection(_selection, count);
                    return batch;
                }
            }
            return null;
        }

        private void Encode(Batch batch, ReadOnlySpan<int> rows)
        {
            _bytes.Clear();
            _ends.Clear();
            for (var c = 0; c < _columns.Length; c++)
                _columns[c] = plan.Keys[c].Expression.EvaluateToVector(batch, _scratch);
            _encoder.Encode(_columns, rows, _bytes, _ends);
            foreach (var column in _columns)
                _scratch.Release(column);
        }

        /// <summary>The encoded key of the k-th selected row of the current batch.</summary>
        private ReadOnlySpan<byte> Key(int k)
        {
            var start = k == 0 ? 0 : _ends[k - 1];
            return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bytes).Slice(start, _ends[k] - start);
        }

        protected override void Dispose(bool disposing) => input.Dispose();
    }
}
