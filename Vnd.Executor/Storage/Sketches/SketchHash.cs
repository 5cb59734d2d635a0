using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Vnd.Executor.Storage.Sketches;

/// <summary>
/// The hash persisted sketches are built from. It is fixed forever (a sketch written today is merged with one
/// written next year), so it is its own definition rather than the executor's hash-table hash, which may be
/// tuned: SplitMix64's finaliser for values up to eight bytes (a bijection with full avalanche, so sequential
/// packet ids spread evenly over the registers) and XXH3-64 for byte strings.
/// </summary>
public static class SketchHash
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(ulong value)
    {
        var z = value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Of(ReadOnlySpan<byte> value) => XxHash3.HashToUInt64(value);

    /// <summary>
    /// <see cref="Of(ulong)"/> of every value into <paramref name="hashes"/> (at least as long), eight at a time with
    /// AVX-512DQ's 64-bit multiply, else four at a time with AVX2, which has none: there each multiply is three
    /// 32×32→64 multiplies (the low 64 bits of the product are all the hash keeps). The same hashes as one by one; a test compares them. Each value is read before
    /// its hash is written, so <paramref name="hashes"/> may be <paramref name="values"/> itself (hashing in place).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    public static void OfAll(ReadOnlySpan<ulong> values, Span<ulong> hashes)
    {
        if (hashes.Length < values.Length)
            throw new ArgumentException("one hash per value is needed", nameof(hashes));
        var i = 0;
        ref var source = ref MemoryMarshal.GetReference(values);
        ref var target = ref MemoryMarshal.GetReference(hashes);
        if (Avx512DQ.IsSupported)
        {
            // One vpmullq per eight values where the AVX2 path needs six multiplies.
            for (; i <= values.Length - Vector512<ulong>.Count; i += Vector512<ulong>.Count)
            {
                var z = Vector512.LoadUnsafe(ref source, (nuint)i) + Vector512.Create(0x9E3779B97F4A7C15UL);
                z = Avx512DQ.MultiplyLow(z ^ (z >>> 30), Vector512.Create(0xBF58476D1CE4E5B9UL));
                z = Avx512DQ.MultiplyLow(z ^ (z >>> 27), Vector512.Create(0x94D049BB133111EBUL));
                (z ^ (z >>> 31)).StoreUnsafe(ref target, (nuint)i);
            }
        }
        if (Avx2.IsSupported)
        {
            for (; i <= values.Length - Vector256<ulong>.Count; i += Vector256<ulong>.Count)
            {
                var z = Vector256.LoadUnsafe(ref source, (nuint)i) + Vector256.Create(0x9E3779B97F4A7C15UL);
                z = MultiplyLow(z ^ (z >>> 30), 0xBF58476D1CE4E5B9UL);
                z = MultiplyLow(z ^ (z >>> 27), 0x94D049BB133111EBUL);
                (z ^ (z >>> 31)).StoreUnsafe(ref target, (nuint)i);
            }
        }
        for (; i < values.Length; i++)
            hashes[i] = Of(values[i]);
    }

    /// <summary>The low 64 bits of <paramref name="a"/> × <paramref name="b"/> per lane: lo·lo + ((hi·lo + lo·hi) &lt;&lt; 32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> MultiplyLow(Vector256<ulong> a, ulong b)
    {
        var bLow = Vector256.Create(b & 0xFFFF_FFFF).AsUInt32();
        var bHigh = Vector256.Create(b >> 32).AsUInt32();
        var low = Avx2.Multiply(a.AsUInt32(), bLow);
        var cross = Avx2.Multiply((a >>> 32).AsUInt32(), bLow) + Avx2.Multiply(a.AsUInt32(), bHigh);
        return low + (cross << 32);
    }
}
