using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Executor.Remote;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Bloom;

/// <summary>
/// Keeps the input rows whose keys may be in the Bloom filter that <see cref="Filter"/> produces as
/// (offset, chunk) rows; rows with a NULL key are dropped. The filter is assembled once and shared by every
/// partition; the input streams through it, narrowing each batch's selection (no column is copied).
/// </summary>
public sealed class BloomFilterProbeOperator(PhysicalOperator input, PhysicalOperator filter, IReadOnlyList<Expression> keys,
    long bits, int hashes) : PhysicalOperator
{
    public PhysicalOperator Input { get; } = input;

    public PhysicalOperator Filter { get; } = filter;

    public IReadOnlyList<Expression> Keys { get; } = keys;

    public long Bits { get; } = bits;

    public int Hashes { get; } = hashes;

    public override IReadOnlyList<SqlType> OutputTypes => Input.OutputTypes;

    public override IReadOnlyList<PhysicalOperator> Children => [Input, Filter];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount)
    {
        var bloom = context.Shared(this, () => Assemble(context));
        return new Stream(this, bloom, Input.Open(context, partition, partitionCount));
    }

    public override string ToString() => $"BloomFilterProbe [{string.Join(", ", Keys)}] bits={Bits} hashes={Hashes}";

    /// <summary>The filter from its chunks; chunks that overlap, overrun or leave a gap mean a damaged stream.</summary>
    private BloomFilter Assemble(QueryContext context)
    {
        var bloom = new BloomFilter(Bits, Hashes, context.Memory);
        try
        {
            var target = bloom.Bytes;
            long received = 0;
            using var chunks = Filter.Open(context);
            while (chunks.Next() is { } batch)
            {
                foreach (var row in batch.Rows)
                {
                    var offset = batch[0].IsNull(row) ? -1 : batch[0].Get<long>(row);
                    var chunk = batch[1].IsNull(row) ? default : batch[1].GetBytes(row);
                    if (offset != received || chunk.IsEmpty || chunk.Length > target.Length - offset)
                        throw Damaged($"a chunk of {chunk.Length} bytes at {offset} after {received} bytes");
                    chunk.CopyTo(target[(int)offset..]);
                    received += chunk.Length;
                }
            }
            if (received != target.Length)
                throw Damaged($"{received} of {target.Length} bytes");
            return bloom;
        }
        catch
        {
            bloom.Dispose();
            throw;
        }
    }

    private static ExecutionException Damaged(string what) =>
        new(RemoteSqlStates.ProtocolViolation, $"the Bloom filter received for semi-join reduction is damaged: {what}");

    private sealed class Stream(BloomFilterProbeOperator plan, BloomFilter bloom, OperatorStream input) : RowSelectingStream(input)
    {
        private readonly BloomKeyHasher _hasher = new(plan.Keys);

        protected override int Select(Batch batch, int[] selection)
        {
            var keys = _hasher.Hash(batch);
            var rows = batch.Rows;
            var kept = 0;
            for (var k = 0; k < keys.Count; k++)
            {
                if (!keys.HasNull[k] && bloom.MayContain(keys.Hashes[k]))
                    selection[kept++] = rows[k];
            }
            return kept;
        }
    }
}
