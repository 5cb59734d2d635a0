using Vnd.Executor.Storage.Sketches;

namespace Vnd.Executor.Tests.Storage.Sketches;

public sealed class HyperLogLogTests
{
    private static HyperLogLog Sketch(long from, long count)
    {
        var sketch = new HyperLogLog();
        for (var v = from; v < from + count; v++)
            sketch.Add(SketchHash.Of((ulong)v));
        return sketch;
    }

    private static double RelativeError(double estimate, long truth) => Math.Abs(estimate - truth) / truth;

    [Theory]
    [InlineData(0L)]
    [InlineData(5_000_000L)]
    [InlineData(-3_000_000_000L)]
    public void One_million_sequential_ids_are_estimated_within_three_percent(long from)
    {
        var estimate = Sketch(from, 1_000_000).Estimate();
        Assert.True(RelativeError(estimate, 1_000_000) < 0.03, $"estimate {estimate:0} for 1000000 distinct ids");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(300)]
    [InlineData(5_000)]
    [InlineData(100_000)]
    public void Small_and_medium_cardinalities_are_estimated_closely(int count)
    {
        var estimate = Sketch(42, count).Estimate();
        // Below a few thousand values the sketch is nearly exact (linear counting regime).
        Assert.True(RelativeError(estimate, count) < (count <= 300 ? 0.01 : 0.04), $"estimate {estimate:0} for {count}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(13)] // one AVX-512 step, one AVX2 step, one scalar value
    [InlineData(1_001)]
    public void Hashing_a_run_at_once_gives_the_hashes_and_the_sketch_of_one_by_one(int count)
    {
        // Persisted sketches merge across versions: the vectorised hash must be bit-for-bit the scalar one.
        var random = new Random(count);
        var values = new ulong[count];
        for (var i = 0; i < count; i++)
            values[i] = i % 5 == 0 ? (ulong)i : (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63);
        var hashes = new ulong[count];
        SketchHash.OfAll(values, hashes);
        var one = new HyperLogLog();
        var all = new HyperLogLog();
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(SketchHash.Of(values[i]), hashes[i]);
            one.Add(SketchHash.Of(values[i]));
        }
        all.AddAll(hashes);
        all.AddAll(hashes); // repeats change nothing
        Assert.Equal(HyperLogLogCodec.Encode(one), HyperLogLogCodec.Encode(all));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(13)] // one eight-value step and a scalar tail
    [InlineData(1_001)]
    public void Adding_values_fused_gives_the_sketch_of_one_by_one_hashes_of_their_widened_bits(int count)
    {
        // Hash and register update in one pass (and the widening of narrower integers) must leave exactly the
        // registers of hashing each value's 64 bits and adding it: sketches persist and merge across versions.
        var random = new Random(count);
        var longs = new long[count];
        for (var i = 0; i < count; i++)
            longs[i] = i % 5 == 0 ? -i : random.NextInt64() ^ ((long)random.Next() << 63);
        OneByOneSketch.AssertEveryIntegerType<Fused>(longs);
    }

    private readonly struct Fused : IBulkSketchAdd
    {
        public void Add<T>(HyperLogLog sketch, T[] values)
            where T : unmanaged, System.Numerics.IBinaryInteger<T> => sketch.AddValues<T>(values);
    }

    [Theory]
    [InlineData(97)] // one piece, too short to filter
    [InlineData(388)] // a second piece that filters: 36 steps and a tail of three
    [InlineData(4_049)] // pieces of 97, 291, 873 and 2788 (a whole block of 2048 and part of another)
    [InlineData(300_007)] // seven pieces, the last one of 193986 values over a sketch with raised registers
    public void Adding_values_in_pieces_skips_no_update_that_raises_a_register(int count)
    {
        // Updates whose rank is at or below their register group's floor are dropped: only ones that cannot change a
        // register may be, however many values the sketch has seen before and in whatever pieces they come.
        var random = new Random(count);
        var longs = new long[count];
        for (var i = 0; i < count; i++)
            longs[i] = i % 3 == 0 ? 1_700_000_000_000_000_000L + i * 997L : random.NextInt64();
        OneByOneSketch.AssertEveryIntegerType<InPieces>(longs);
    }

    private readonly struct InPieces : IBulkSketchAdd
    {
        public void Add<T>(HyperLogLog sketch, T[] values)
            where T : unmanaged, System.Numerics.IBinaryInteger<T>
        {
            // Growing pieces, each a call of its own: the later ones meet registers the earlier ones raised.
            var length = 97;
            for (var start = 0; start < values.Length; start += length, length *= 3)
                sketch.AddValues<T>(values.AsSpan(start, Math.Min(length, values.Length - start)));
        }
    }

    [Fact]
    public void Repeated_values_count_once_and_an_empty_sketch_estimates_zero()
    {
        var sketch = new HyperLogLog();
        Assert.Equal(0, sketch.Estimate());
        for (var round = 0; round < 50; round++)
        {
            for (var v = 0UL; v < 1000; v++)
                sketch.Add(SketchHash.Of(v));
        }
        Assert.True(RelativeError(sketch.Estimate(), 1000) < 0.02, sketch.Estimate().ToString());
    }

    [Fact]
    public void Merging_counts_the_union_and_equals_a_sketch_of_all_values()
    {
        // Two segments with 300k ids each, overlapping in 100k: the union has 500k.
        var first = Sketch(0, 300_000);
        var second = Sketch(200_000, 300_000);
        var whole = Sketch(0, 500_000);
        first.Merge(second);

        Assert.Equal(HyperLogLogCodec.Encode(whole), HyperLogLogCodec.Encode(first));
        Assert.True(RelativeError(first.Estimate(), 500_000) < 0.04, first.Estimate().ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(2_000_000)]
    public void Codec_round_trips_sparse_and_dense_sketches(int count)
    {
        var sketch = Sketch(7, count);
        var bytes = HyperLogLogCodec.Encode(sketch);
        Assert.True(bytes.Length <= 2 + 3072, bytes.Length.ToString());
        if (count == 20)
            Assert.True(bytes.Length <= 4 + 20 * 3); // sparse: a few triples, not 3 KiB
        var decoded = HyperLogLogCodec.TryDecode(bytes);
        Assert.NotNull(decoded);
        Assert.Equal(bytes, HyperLogLogCodec.Encode(decoded));
        Assert.Equal(sketch.Estimate(), decoded.Estimate());
    }

    [Fact]
    public void Damaged_sketches_decode_as_absent()
    {
        var sparse = HyperLogLogCodec.Encode(Sketch(0, 20));
        var dense = HyperLogLogCodec.Encode(Sketch(0, 100_000));
        Assert.Null(HyperLogLogCodec.TryDecode([]));
        Assert.Null(HyperLogLogCodec.TryDecode(sparse.AsSpan(0, sparse.Length - 1)));
        Assert.Null(HyperLogLogCodec.TryDecode(dense.AsSpan(0, dense.Length - 1)));
        var otherPrecision = (byte[])dense.Clone();
        otherPrecision[1] = 14;
        Assert.Null(HyperLogLogCodec.TryDecode(otherPrecision));
        var badRank = (byte[])sparse.Clone();
        badRank[6] = 60; // first triple's rank above 53
        Assert.Null(HyperLogLogCodec.TryDecode(badRank));
        var badIndex = (byte[])sparse.Clone();
        badIndex[4] = 0xFF;
        badIndex[5] = 0xFF;
        Assert.Null(HyperLogLogCodec.TryDecode(badIndex));
        var badKind = (byte[])sparse.Clone();
        badKind[0] = 9;
        Assert.Null(HyperLogLogCodec.TryDecode(badKind));
    }

    [Fact]
    public void Adding_allocates_nothing()
    {
        var sketch = new HyperLogLog();
        sketch.Add(SketchHash.Of(1UL));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var v = 0UL; v < 100_000; v++)
            sketch.Add(SketchHash.Of(v));
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
