using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Vnd.Executor.Scans;

/// <summary>The comparison loop of <see cref="ScanComparison{T, TTest}"/> over the values of one stored type.</summary>
public static class ScanMask
{
    /// <summary>
    /// Tests <paramref name="values"/> against <paramref name="constant"/>: 256-bit lanes, their mask bits gathered into
    /// one word per 64 rows. The first term of a predicate writes every word; the others AND theirs in and skip
    /// words already clear.
    /// </summary>
    public static void Of<T, TTest>(ReadOnlySpan<T> values, T constant, Span<ulong> bits, bool first)
        where T : unmanaged, INumber<T>
        where TTest : IScanTest<T>
    {
        var count = values.Length;
        ref var value = ref MemoryMarshal.GetReference(values);
        var lanes = Vector256.Create(constant);
        var simd = Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported;
        for (var w = 0; w * 64 < count; w++)
        {
            if (!first && bits[w] == 0)
                continue;
            var from = w * 64;
            var to = Math.Min(from + 64, count);
            ulong word = 0;
            var r = from;
            // 64 rows are 2 to 16 whole vectors of 8- to 64-bit lanes.
            if (simd && to - from == 64)
            {
                for (; r < to; r += Vector256<T>.Count)
                    word |= (ulong)TTest.Lanes(Vector256.LoadUnsafe(ref value, (nuint)r), lanes).ExtractMostSignificantBits() << (r - from);
            }
            for (; r < to; r++)
                word |= (TTest.Test(values[r], constant) ? 1UL : 0UL) << (r - from);
            bits[w] = first ? word : bits[w] & word;
        }
    }

    /// <summary>Every one of <paramref name="count"/> rows gives <paramref name="result"/> (a constant outside the stored type's range).</summary>
    public static void All(int count, bool result, Span<ulong> bits, bool first)
    {
        for (var w = 0; w * 64 < count; w++)
        {
            var rows = Math.Min(64, count - w * 64);
            var word = result ? (rows == 64 ? ulong.MaxValue : (1UL << rows) - 1) : 0UL;
            bits[w] = first ? word : bits[w] & word;
        }
    }
}
