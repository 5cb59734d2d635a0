using Vnd.Executor.Operators.Joins;

namespace Vnd.Executor.Tests.Operators;

public sealed class DenseKeyIndexTests
{
    /// <summary>Join build keys as the hash join materialises them: 8-byte integers, offset -1 for NULL.</summary>
    private static (int[] Offsets, byte[] Keys) Encode(params long?[] values)
    {
        var offsets = new int[values.Length];
        var keys = new byte[values.Length * 8];
        for (var r = 0; r < values.Length; r++)
        {
            offsets[r] = values[r] is null ? -1 : r * 8;
            if (values[r] is { } v)
                BitConverter.TryWriteBytes(keys.AsSpan(r * 8), v);
        }
        return (offsets, keys);
    }

    [Fact]
    public void Equal_keys_chain_newest_first_and_keys_outside_the_range_miss()
    {
        var (offsets, keys) = Encode(-3, 5, null, -3, 0, 5, -3);
        var slots = DenseKeyIndex.Slots(offsets.Length, offsets, keys, out var min);
        Assert.Equal(9, slots);
        Assert.Equal(-3, min);
        var next = new int[offsets.Length];
        var index = DenseKeyIndex.Build(slots, min, offsets.Length, offsets, keys, next);
        Assert.Equal(6, index.Find(-3));
        Assert.Equal(3, next[6]);
        Assert.Equal(0, next[3]);
        Assert.Equal(-1, next[0]);
        Assert.Equal(5, index.Find(5));
        Assert.Equal(1, next[5]);
        Assert.Equal(4, index.Find(0));
        Assert.Equal(-1, index.Find(1));
        Assert.Equal(-1, index.Find(-4));
        Assert.Equal(-1, index.Find(6));
        Assert.Equal(-1, index.Find(long.MinValue));
        Assert.Equal(-1, index.Find(long.MaxValue));
    }

    [Fact]
    public void Sparse_or_missing_keys_are_not_indexed_densely()
    {
        var (sparse, sparseKeys) = Encode(1, 1_000_000, 2_000_000);
        Assert.Equal(0, DenseKeyIndex.Slots(sparse.Length, sparse, sparseKeys, out _));
        var (extreme, extremeKeys) = Encode(long.MinValue, long.MaxValue);
        Assert.Equal(0, DenseKeyIndex.Slots(extreme.Length, extreme, extremeKeys, out _));
        var (nulls, nullKeys) = Encode(null, null);
        Assert.Equal(0, DenseKeyIndex.Slots(nulls.Length, nulls, nullKeys, out _));
    }
}
