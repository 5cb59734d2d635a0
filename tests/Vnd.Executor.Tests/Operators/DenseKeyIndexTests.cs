using Vnd.Executor.Operators.Joins;

namespace Vnd.Executor.Tests.Operators;

public sealed class DenseKeyIndexTests
{
    /// <summary>Join build keys as the hash join materialises them: one packed word a row (the value's low
    /// <paramref name="bits"/> bits), offset -1 for NULL.</summary>
    private static (int[] Offsets, ulong[] Keys) Encode(int bits, params long?[] values)
    {
        var offsets = new int[values.Length];
        var keys = new ulong[values.Length];
        for (var r = 0; r < values.Length; r++)
        {
            offsets[r] = values[r] is null ? -1 : r;
            if (values[r] is { } v)
                keys[r] = (ulong)v & (bits == 64 ? ulong.MaxValue : (1UL << bits) - 1);
        }
        return (offsets, keys);
    }

    [Fact]
    public void Narrow_packed_keys_are_sign_extended()
    {
        var (offsets, keys) = Encode(32, -2, 1, null, int.MinValue + 5);
        Assert.Equal(0, DenseKeyIndex.Slots(offsets.Length, offsets, keys, 32, out _));
        (offsets, keys) = Encode(16, -2, 1, null, -2);
        var slots = DenseKeyIndex.Slots(offsets.Length, offsets, keys, 16, out var min);
        Assert.Equal(4, slots);
        Assert.Equal(-2, min);
        var next = new int[offsets.Length];
        var index = DenseKeyIndex.Build(slots, min, offsets.Length, offsets, keys, 16, next);
        Assert.Equal(3, index.Find(-2));
        Assert.Equal(0, next[3]);
        Assert.Equal(1, index.Find(1));
        Assert.Equal(-1, index.Find(65534));
    }

    [Fact]
    public void Equal_keys_chain_newest_first_and_keys_outside_the_range_miss()
    {
        var (offsets, keys) = Encode(64, -3, 5, null, -3, 0, 5, -3);
        var slots = DenseKeyIndex.Slots(offsets.Length, offsets, keys, 64, out var min);
        Assert.Equal(9, slots);
        Assert.Equal(-3, min);
        var next = new int[offsets.Length];
        var index = DenseKeyIndex.Build(slots, min, offsets.Length, offsets, keys, 64, next);
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
        var (sparse, sparseKeys) = Encode(64, 1, 1_000_000, 2_000_000);
        Assert.Equal(0, DenseKeyIndex.Slots(sparse.Length, sparse, sparseKeys, 64, out _));
        var (extreme, extremeKeys) = Encode(64, long.MinValue, long.MaxValue);
        Assert.Equal(0, DenseKeyIndex.Slots(extreme.Length, extreme, extremeKeys, 64, out _));
        var (nulls, nullKeys) = Encode(64, null, null);
        Assert.Equal(0, DenseKeyIndex.Slots(nulls.Length, nulls, nullKeys, 64, out _));
    }
}
