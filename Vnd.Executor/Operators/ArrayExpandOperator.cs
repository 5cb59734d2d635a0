using System.Text;
using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// PostgreSQL's ProjectSet for one array: every input row once per element of the array text it evaluates to,
/// followed by the element (text) and its 1-based position. A NULL or empty array yields no row. Input columns are
/// gathered into reused output batches; the arrays are catalog-sized (index keys), so each is parsed as text.
/// </summary>
public sealed class ArrayExpandOperator : PhysicalOperator
{
    public ArrayExpandOperator(PhysicalOperator input, Expression array)
    {
        Input = input;
        Array = array;
        OutputTypes = [.. input.OutputTypes, SqlType.Text, SqlType.Int4];
    }

    public PhysicalOperator Input { get; }

    public Expression Array { get; }

    public override IReadOnlyList<SqlType> OutputTypes { get; }

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        new Stream(this, Input.Open(context, partition, partitionCount), context);

    public override string ToString() => $"ArrayExpand {Array}";

    private sealed class Stream(ArrayExpandOperator plan, OperatorStream input, QueryContext context) : OperatorStream
    {
        private readonly EvaluationScratch _scratch = new(context);
        private readonly Batch _output = new(plan.OutputTypes);
        private readonly List<(int Row, string? Element, int Position)> _pending = [];
        private readonly int[] _rows = new int[Batch.Capacity];
        private Batch? _input;
        private int _next;

        public override Batch? Next()
        {
            while (_next >= _pending.Count)
            {
                context.CheckCancelled();
                _input = input.Next();
                if (_input is null)
                    return null;
                Expand(_input);
            }
            var count = Math.Min(Batch.Capacity, _pending.Count - _next);
            _output.Reset();
            var element = _output[_input!.ColumnCount];
            var position = _output[_input.ColumnCount + 1];
            for (var k = 0; k < count; k++)
            {
                var (row, value, index) = _pending[_next + k];
                _rows[k] = row;
                if (value is null)
                    element.SetNull(k);
                else
                    element.SetBytes(k, Encoding.UTF8.GetBytes(value));
                position.Set(k, index);
            }
            for (var c = 0; c < _input.ColumnCount; c++)
                VectorCopy.Gather(_input[c], _rows.AsSpan(0, count), _output[c], 0);
            _output.Count = count;
            _next += count;
            return _output;
        }

        private void Expand(Batch batch)
        {
            _pending.Clear();
            _next = 0;
            var arrays = plan.Array.EvaluateToVector(batch, _scratch);
            try
            {
                foreach (var row in batch.Rows)
                {
                    if (arrays.IsNull(row))
                        continue;
                    var (_, elements) = ArrayText.Parse(Encoding.UTF8.GetString(arrays.GetBytes(row)));
                    for (var k = 0; k < elements.Count; k++)
                        _pending.Add((row, elements[k], k + 1));
                }
            }
            finally
            {
                _scratch.Release(arrays);
            }
        }

        protected override void Dispose(bool disposing) => input.Dispose();
    }
}
