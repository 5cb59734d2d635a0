using Vnd.Capture.Decoding;
using Vnd.Capture.Import.Columns;

namespace Vnd.Capture.Tests.Import;

// The AVX-512 eight-by-eight computation of staged frames' columns against the scalar load it replaces, on random
// heads: the import differential tests reach it only in runs of one kind of frame, which mutated captures rarely make.
public sealed class CommonFrameVectorLoadsTests
{
    private const int Capacity = Vnd.Capture.Import.PacketBatch.Capacity;
    private const int HeadLength = 64;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_loaded_column_is_the_scalar_load(int seed)
    {
        var random = new Random(seed);
        // Beside random fields: a constant (a load with an empty mask, computed too), an absent field and a record
        // field (not computed here).
        var loads = new CommonFrameLoad[19];
        loads[0] = CommonFrameLoad.Constant(-5);
        loads[1] = CommonFrameLoad.Absent;
        loads[2] = CommonFrameLoad.Computed(CommonFrameValue.Timestamp);
        for (var c = 3; c < loads.Length; c++)
        {
            var width = random.Next(1, 9);
            var shift = random.Next(0, 70);
            ulong? mask = random.Next(3) == 0 ? (ulong)random.NextInt64() : null;
            loads[c] = CommonFrameLoad.Bits(random.Next(8, HeadLength + 1), width, shift, mask, random.NextInt64(-1000, 1000));
        }
        var vector = CommonFrameVectorLoads.TryCreate([loads, loads, null], HeadLength);
        if (vector is null)
        {
            Assert.False(System.Runtime.Intrinsics.X86.Avx512Vbmi.IsSupported, "AVX-512 VBMI is there but the vector loads were not made");
            return;
        }
        var heads = new byte[Capacity * HeadLength];
        random.NextBytes(heads);
        var values = new long[(loads.Length + 1) * Capacity];
        const int count = Capacity - 5;

        var rows = vector.Compute(CommonFrameKind.Udp, ref heads[0], count, values);

        Assert.Equal(count & ~7, rows);
        Assert.False(vector.Covers(CommonFrameKind.TcpWithOptions, 3));
        for (var c = 0; c < loads.Length; c++)
        {
            Assert.Equal(c is not (1 or 2), vector.Covers(CommonFrameKind.Udp, c));
            if (c is 1 or 2)
                continue;
            for (var j = 0; j < rows; j++)
                Assert.Equal(loads[c].Load(ref heads[j * HeadLength]), values[c * Capacity + j]);
        }
    }

    [Fact]
    public void Narrowing_truncates_as_create_truncating_does()
    {
        var random = new Random(4);
        var values = new long[37];
        for (var i = 0; i < values.Length; i++)
            values[i] = random.NextInt64(long.MinValue, long.MaxValue);

        var ints = new int[values.Length];
        var uints = new uint[values.Length];
        var shorts = new short[values.Length];
        var longs = new long[values.Length];
        CommonFrameVectorLoads.Narrow<int>(values, ints);
        CommonFrameVectorLoads.Narrow<uint>(values, uints);
        CommonFrameVectorLoads.Narrow<short>(values, shorts);
        CommonFrameVectorLoads.Narrow<long>(values, longs);

        Assert.Equal(values.Select(v => (int)v), ints);
        Assert.Equal(values.Select(v => (uint)v), uints);
        Assert.Equal(values.Select(v => (short)v), shorts);
        Assert.Equal(values, longs);
    }
}
