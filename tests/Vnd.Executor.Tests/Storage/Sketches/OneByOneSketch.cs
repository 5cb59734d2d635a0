using System.Numerics;
using Vnd.Executor.Storage.Sketches;

namespace Vnd.Executor.Tests.Storage.Sketches;

/// <summary>A bulk way of adding a column's values to a sketch, to compare with <see cref="OneByOneSketch"/>.</summary>
internal interface IBulkSketchAdd
{
    void Add<T>(HyperLogLog sketch, T[] values)
        where T : unmanaged, IBinaryInteger<T>;
}

/// <summary>The reference every bulk way of adding values must reproduce bit for bit (sketches persist and merge across versions).</summary>
internal static class OneByOneSketch
{
    /// <summary>The encoded sketch of adding each value's hash one at a time, the value widened to 64 bits as the column builders do.</summary>
    public static byte[] Of<T>(T[] values)
        where T : unmanaged, IBinaryInteger<T>
    {
        var one = new HyperLogLog();
        foreach (var value in values)
            one.Add(SketchHash.Of((ulong)long.CreateTruncating(value)));
        return HyperLogLogCodec.Encode(one);
    }

    /// <summary>
    /// Asserts that <typeparamref name="TAdd"/> leaves the one-by-one sketch for <paramref name="values"/> as every
    /// integer type columns store (int8, int4, int2: sign-extended; inet as uint: zero-extended; and as ulong).
    /// </summary>
    public static void AssertEveryIntegerType<TAdd>(long[] values)
        where TAdd : struct, IBulkSketchAdd
    {
        AssertSame<long, TAdd>(values);
        AssertSame<ulong, TAdd>(Array.ConvertAll(values, v => (ulong)v));
        AssertSame<int, TAdd>(Array.ConvertAll(values, v => (int)v));
        AssertSame<uint, TAdd>(Array.ConvertAll(values, v => (uint)v));
        AssertSame<short, TAdd>(Array.ConvertAll(values, v => (short)v));
    }

    private static void AssertSame<T, TAdd>(T[] values)
        where T : unmanaged, IBinaryInteger<T>
        where TAdd : struct, IBulkSketchAdd
    {
        var sketch = new HyperLogLog();
        default(TAdd).Add(sketch, values);
        Assert.True(Of(values).AsSpan().SequenceEqual(HyperLogLogCodec.Encode(sketch)), $"{typeof(T).Name}, {values.Length} values");
    }
}
