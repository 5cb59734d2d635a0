using Vnd.Executor.Storage.Sketches;

namespace Vnd.Executor.Tests.Storage.Sketches;

public sealed class SketchValueAdderTests
{
    public static TheoryData<string> Columns => new() { "constant", "few", "distinct", "few-then-distinct", "distinct-then-few", "colliding", "markers", "extremes", "runs", "runs-of-new", "few-with-new", "same-low-halves" };

    /// <summary>A batch of 64-bit column values shaped like one kind of trace column.</summary>
    private static ulong[] Batch(string shape, int count)
    {
        var random = new Random(shape.Length * 7919 + count);
        var values = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = shape switch
            {
                "constant" => 6,
                // Runs of one value that start and end inside chunks and fill some whole (flags, full-size lengths).
                "runs" => (ulong)(i / 100 % 7),
                // Runs of values never seen before, past the miss limit (a column that goes vectorised).
                "runs-of-new" => (ulong)(i / 70) * 0x9E37_79B9UL,
                "few" => 0x0A00_0000UL + (ulong)random.Next(300), // addresses of a few hundred hosts
                // A new value every 13th, so over the batch one turns up in every lane of an eight-value lookup.
                "few-with-new" => i % 13 == 0 ? 0x5000_0000UL + (ulong)i : 0x0A00_0000UL + (ulong)random.Next(300),
                // New values that share their low 32 bits with ones held (64-bit columns must compare all 64).
                "same-low-halves" => (uint)(i % 5) | ((ulong)(uint)(i / 61) << 32),
                "distinct" => 1_700_000_000_000_000_000UL + (ulong)i * 1000, // timestamps
                "few-then-distinct" => i < 2_000 ? (ulong)random.Next(4) : (ulong)random.NextInt64(),
                "distinct-then-few" => i < 2_000 ? (ulong)random.NextInt64() : (ulong)random.Next(4),
                // Values sharing a memory entry, alternating, so each evicts the other.
                "colliding" => (ulong)(i % 3) * SketchValueAdder.RecentSize + 5,
                // The values an empty memory entry holds (s + 1), each at a neighbouring entry.
                "markers" => (ulong)(i % (SketchValueAdder.RecentSize + 1)),
                _ => (i % 4) switch { 0 => 0UL, 1 => ulong.MaxValue, 2 => 1UL << 63, _ => (ulong)random.NextInt64() },
            };
        }
        return values;
    }

    [Theory]
    [MemberData(nameof(Columns))]
    public void A_batch_leaves_the_registers_of_one_by_one_adds(string shape)
    {
        foreach (var count in new[] { 1, 63, 64, 1_024, 1_025, 1_100, 5_000, 70_000 })
        {
            var values = Batch(shape, count);
            var one = new HyperLogLog();
            foreach (var value in values)
                one.Add(SketchHash.Of(value));
            // The scratch for missed values at its least and as the column builders size it (fewer, longer adds).
            foreach (var missed in new[] { SketchValueAdder.ChunkLength, 512 })
            {
                var batch = new HyperLogLog();
                // Two batches of the same values, as two record batches of a segment add to one sketch.
                for (var round = 0; round < 2; round++)
                    new SketchValueAdder(batch, new ulong[SketchValueAdder.RecentSize], new ulong[missed]).Add<ulong>(values);
                Assert.True(HyperLogLogCodec.Encode(one).AsSpan().SequenceEqual(HyperLogLogCodec.Encode(batch)), $"{shape}, {count} values, scratch {missed}");
                // Chunk by chunk through one adder (as float columns go, converted a chunk at a time).
                var chunked = new HyperLogLog();
                var adder = new SketchValueAdder(chunked, new ulong[SketchValueAdder.RecentSize], new ulong[missed]);
                for (var start = 0; start < values.Length; start += SketchValueAdder.ChunkLength)
                    adder.Add<ulong>(values.AsSpan(start, Math.Min(SketchValueAdder.ChunkLength, values.Length - start)));
                Assert.True(HyperLogLogCodec.Encode(one).AsSpan().SequenceEqual(HyperLogLogCodec.Encode(chunked)), $"{shape}, {count} values in chunks, scratch {missed}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Columns))]
    public void Narrower_integers_leave_the_registers_of_one_by_one_adds_of_their_widened_bits(string shape)
    {
        // int2/int4/inet columns: values widened as the builders always hashed them (sign-extended, inet zero-extended).
        var values = Batch(shape, 5_000);
        OneByOneSketch.AssertEveryIntegerType<ThroughAdder>(Array.ConvertAll(values, v => (long)v));
    }

    private readonly struct ThroughAdder : IBulkSketchAdd
    {
        public void Add<T>(HyperLogLog sketch, T[] values)
            where T : unmanaged, System.Numerics.IBinaryInteger<T> =>
            new SketchValueAdder(sketch, new ulong[SketchValueAdder.RecentSize], new ulong[512]).Add<T>(values);
    }

    [Fact]
    public void The_memory_must_have_its_size_and_the_missed_values_a_chunk()
    {
        var sketch = new HyperLogLog();
        Assert.Throws<ArgumentException>(() => new SketchValueAdder(sketch, new ulong[16], new ulong[64]));
        Assert.Throws<ArgumentException>(() => new SketchValueAdder(sketch, new ulong[SketchValueAdder.RecentSize], new ulong[SketchValueAdder.ChunkLength - 1]));
    }
}
