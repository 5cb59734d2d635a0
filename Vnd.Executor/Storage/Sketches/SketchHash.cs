using System.IO.Hashing;
using System.Numerics;
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
                Of(Vector512.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
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

    /// <summary><see cref="Of(ulong)"/> of eight values at once; AVX-512DQ only (its 64-bit multiply).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<ulong> Of(Vector512<ulong> values)
    {
        var z = values + Vector512.Create(0x9E3779B97F4A7C15UL);
        z = Avx512DQ.MultiplyLow(z ^ (z >>> 30), Vector512.Create(0xBF58476D1CE4E5B9UL));
        z = Avx512DQ.MultiplyLow(z ^ (z >>> 27), Vector512.Create(0x94D049BB133111EBUL));
        return z ^ (z >>> 31);
    }

    /// <summary>
    /// An integer value as the 64 bits it is hashed as: widened to a <see cref="long"/> (sign-extended for signed
    /// types, zero-extended for unsigned ones), as every integer column's sketch has always taken it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Bits<T>(T value)
        where T : unmanaged, IBinaryInteger<T> => (ulong)long.CreateTruncating(value);

    /// <summary>Whether <see cref="Bits8{T}"/> widens <typeparamref name="T"/> (the integer types columns store).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a constant once inlined into a method specialised for T
    internal static bool Widens8<T>() =>
        typeof(T) == typeof(long) || typeof(T) == typeof(ulong) || typeof(T) == typeof(int) || typeof(T) == typeof(uint)
        || typeof(T) == typeof(short);

    /// <summary><see cref="Bits{T}"/> of the eight values from <paramref name="source"/> + <paramref name="index"/>; AVX-512F only, types that <see cref="Widens8{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<ulong> Bits8<T>(ref T source, nuint index)
        where T : unmanaged
    {
        if (typeof(T) == typeof(long) || typeof(T) == typeof(ulong))
            return Vector512.LoadUnsafe(ref Unsafe.As<T, ulong>(ref source), index);
        if (typeof(T) == typeof(int))
            return Avx512F.ConvertToVector512Int64(Vector256.LoadUnsafe(ref Unsafe.As<T, int>(ref source), index)).AsUInt64();
        if (typeof(T) == typeof(uint))
            return Avx512F.ConvertToVector512UInt64(Vector256.LoadUnsafe(ref Unsafe.As<T, uint>(ref source), index));
        if (typeof(T) == typeof(short))
            return Avx512F.ConvertToVector512Int64(Vector128.LoadUnsafe(ref Unsafe.As<T, short>(ref source), index)).AsUInt64();
        throw new NotSupportedException($"{typeof(T).Name} is not widened eight at a time");
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
