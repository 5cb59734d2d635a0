using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>
/// Drains its input into an <see cref="InvertibleBloomLookupTable"/> of its non-NULL integer keys, one add per row
/// (duplicates add up, the table keeps counts), and outputs it as (offset int8, chunk bytea) rows: the
/// <see cref="SetSketchHeader"/> at offset −1, then the cells in chunks of <see cref="SetSketchBuild.ChunkBytes"/>.
/// The whole sketch is produced on partition 0.
/// </summary>
public sealed class SetSketchBuildOperator(PhysicalOperator input, Expression key, int cells) : PhysicalOperator
{
    private const int ChunksPerBatch = 16;

    public PhysicalOperator Input { get; } = input;

    public Expression Key { get; } = key;

    public int Cells { get; } = cells;

    public override IReadOnlyList<SqlType> OutputTypes { get; } = [SqlType.Int8, SqlType.Bytea];

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        partition == 0 ? new Stream(this, context) : new EmptyStream();

    public override string ToString() => $"SetSketchBuild [{Key}] cells={Cells}";

    private sealed class Stream(SetSketchBuildOperator plan, QueryContext context) : OperatorStream
    {
        private readonly Batch _output = new(plan.OutputTypes);
        private byte[]? _cells;
        private SetSketchHeader _header;
        private long _offset = -1;

        public override Batch? Next()
        {
            if (_cells is null)
                Build();
            if (_offset >= _cells!.Length)
                return null;
            _output.Reset();
            var row = 0;
            if (_offset < 0)
            {
                Span<byte> header = stackalloc byte[SetSketchHeader.Bytes];
                _header.WriteTo(header);
                _output[0].Set(row, -1L);
                _output[1].SetBytes(row++, header);
                _offset = 0;
            }
            for (; row < ChunksPerBatch && _offset < _cells.Length; row++)
            {
                var length = (int)Math.Min(SetSketchBuild.ChunkBytes, _cells.Length - _offset);
                _output[0].Set(row, _offset);
                _output[1].SetBytes(row, _cells.AsSpan((int)_offset, length));
                _offset += length;
            }
            _output.Count = row;
            return _output;
        }

        private void Build()
        {
            using var table = new InvertibleBloomLookupTable(plan.Cells, context.Memory);
            var keys = new IntegerKeyReader(plan.Key);
            long rows = 0;
            var hasNull = false;
            using (var input = plan.Input.Open(context))
            {
                while (input.Next() is { } batch)
                {
                    context.CheckCancelled();
                    var count = keys.Read(batch);
                    rows += count;
                    for (var k = 0; k < count; k++)
                    {
                        if (keys.IsNull[k])
                            hasNull = true;
                        else
                            table.Add(keys.Values[k]);
                    }
                }
            }
            context.Memory.Reserve((long)plan.Cells * InvertibleBloomLookupTable.CellBytes);
            _cells = new byte[(long)plan.Cells * InvertibleBloomLookupTable.CellBytes];
            table.WriteTo(_cells);
            _header = new SetSketchHeader(rows, hasNull, plan.Cells);
        }

        protected override void Dispose(bool disposing)
        {
            if (_cells is not null)
                context.Memory.Release(_cells.Length);
            _cells = null;
        }
    }
}
