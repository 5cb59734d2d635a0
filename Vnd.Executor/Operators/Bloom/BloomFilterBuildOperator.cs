using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Bloom;

/// <summary>
/// Drains its input into a <see cref="BloomFilter"/> over the keys' hashes (rows with a NULL key are left out:
/// they match nothing) and outputs the bit array as (offset int8, chunk bytea) rows of
/// <see cref="BloomFilterBuild.ChunkBytes"/> each, a few per batch so a stream message stays around a megabyte.
/// The whole filter is produced on partition 0.
/// </summary>
public sealed class BloomFilterBuildOperator(PhysicalOperator input, IReadOnlyList<Expression> keys, long bits, int hashes) : PhysicalOperator
{
    private const int ChunksPerBatch = 16;

    public PhysicalOperator Input { get; } = input;

    public IReadOnlyList<Expression> Keys { get; } = keys;

    public long Bits { get; } = bits;

    public int Hashes { get; } = hashes;

    public override IReadOnlyList<SqlType> OutputTypes { get; } = [SqlType.Int8, SqlType.Bytea];

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        partition == 0 ? new Stream(this, context) : new EmptyStream();

    public override string ToString() => $"BloomFilterBuild [{string.Join(", ", Keys)}] bits={Bits} hashes={Hashes}";

    private sealed class Stream(BloomFilterBuildOperator plan, QueryContext context) : OperatorStream
    {
        private readonly Batch _output = new(plan.OutputTypes);
        private BloomFilter? _filter;
        private long _offset;

        public override Batch? Next()
        {
            _filter ??= Build();
            var bytes = _filter.Bytes;
            if (_offset >= bytes.Length)
                return null;
            _output.Reset();
            var chunks = _output[1];
            var offsets = _output[0];
            var row = 0;
            for (; row < ChunksPerBatch && _offset < bytes.Length; row++)
            {
                var length = (int)Math.Min(BloomFilterBuild.ChunkBytes, bytes.Length - _offset);
                offsets.Set(row, _offset);
                chunks.SetBytes(row, bytes.Slice((int)_offset, length));
                _offset += length;
            }
            _output.Count = row;
            return _output;
        }

        private BloomFilter Build()
        {
            var filter = new BloomFilter(plan.Bits, plan.Hashes, context.Memory);
            var hasher = new BloomKeyHasher(plan.Keys);
            using var input = plan.Input.Open(context);
            while (input.Next() is { } batch)
            {
                context.CheckCancelled();
                var keys = hasher.Hash(batch);
                for (var k = 0; k < keys.Count; k++)
                {
                    if (!keys.HasNull[k])
                        filter.Add(keys.Hashes[k]);
                }
            }
            return filter;
        }

        protected override void Dispose(bool disposing) => _filter?.Dispose();
    }
}
