using System.Runtime.InteropServices;
using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Sorting;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// DISTINCT ON (keys): keeps the first row of each run of equal keys (NULLs equal), in input order. The binder
/// sorts the input by the keys first (they lead the ORDER BY), so equal keys are adjacent and comparing with the
/// previous row suffices. Reads its input as one partition to keep that order.
/// </summary>
public sealed class DistinctOnOperator(PhysicalOperator input, IReadOnlyList<Expression> keys) : PhysicalOperator
{
    public PhysicalOperator Input { get; } = input;

    public IReadOnlyList<Expression> Keys { get; } = keys;

    public override IReadOnlyList<SqlType> OutputTypes => Input.OutputTypes;

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        partition == 0 ? new Stream(this, Input.Open(context, 0, 1), context) : new EmptyStream();

    public override string ToString() => $"DistinctOn [{string.Join(", ", Keys)}]";

    private sealed class Stream(DistinctOnOperator plan, OperatorStream input, QueryContext context) : OperatorStream
    {
        private readonly SortKeyEncoder _encoder = new(plan.Keys.Select(k => new SortKey(k)).ToArray());
        private readonly EvaluationScratch _scratch = new(context);
        private readonly Vector[] _columns = new Vector[plan.Keys.Count];
        private readonly List<byte> _bytes = [];
        private readonly List<int> _ends = [];
        private readonly int[] _selection = new int[Batch.Capacity];
        private byte[] _previous = [];
        private int _previousLength = -1;

        public override Batch? Next()
        {
            while (input.Next() is { } batch)
            {
                var rows = batch.Rows;
                for (var k = 0; k < _columns.Length; k++)
                    _columns[k] = plan.Keys[k].EvaluateToVector(batch, _scratch);
                _bytes.Clear();
                _ends.Clear();
                _encoder.Encode(_columns, rows, _bytes, _ends);
                foreach (var column in _columns)
                    _scratch.Release(column);
                var all = CollectionsMarshal.AsSpan(_bytes);
                var kept = 0;
                for (var i = 0; i < rows.Length; i++)
                {
                    var start = i == 0 ? 0 : _ends[i - 1];
                    var key = all[start.._ends[i]];
                    if (_previousLength == key.Length && key.SequenceEqual(_previous.AsSpan(0, _previousLength)))
                        continue;
                    Remember(key);
                    _selection[kept++] = rows[i];
                }
                if (kept == 0)
                    continue;
                batch.SetSelection(_selection, kept);
                return batch;
            }
            return null;
        }

        protected override void Dispose(bool disposing) => input.Dispose();

        private void Remember(ReadOnlySpan<byte> key)
        {
            if (_previous.Length < key.Length)
                _previous = new byte[Math.Max(key.Length, _previous.Length * 2)];
            key.CopyTo(_previous);
            _previousLength = key.Length;
        }
    }
}
