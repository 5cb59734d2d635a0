using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Vnd.Executor.Storage.Builders;

/// <summary>
/// Cuts a batch of integers to their low 1, 2 or 4 bytes (the stored width of <see cref="StoredIntegerType"/>; the
/// caller has checked that every value fits, so the low bytes are the value, signed or not). Halving steps: 8 → 4 → 2
/// → 1 bytes, the first from the source into the target, each later one in place over the output of the previous
/// one, vectorised with AVX2 (a step reads 64 bytes and writes 32 behind them, so in place it never overwrites what it
/// has not read yet). The first step reads the source itself rather than a copy of it: copying the int4 columns into
/// the target before halving them was a quarter of a 10M-packet import's memmove (docs/benchmarks.md, zerocopy).
/// </summary>
internal static class IntegerNarrowing
{
    /// <summary>Writes the values of <paramref name="source"/> (<paramref name="sourceWidth"/> bytes each) to
    /// <paramref name="target"/> at <paramref name="width"/> bytes each; <paramref name="target"/> holds at least
    /// half the source (or all of it, if not narrower) for the intermediate steps.</summary>
    public static void Narrow(ReadOnlySpan<byte> source, int sourceWidth, Span<byte> target, int width)
    {
        var count = source.Length / sourceWidth;
        var current = sourceWidth;
        if (current <= width)
        {
            source.CopyTo(target);
            return;
        }
        if (current == 8)
        {
            Halve64(MemoryMarshal.Cast<byte, long>(source), MemoryMarshal.Cast<byte, int>(target[..(count * 4)]));
            current = 4;
            source = target[..(count * 4)];
        }
        if (current == 4 && width < 4)
        {
            Halve32(MemoryMarshal.Cast<byte, int>(source[..(count * 4)]), MemoryMarshal.Cast<byte, short>(target[..(count * 2)]));
            current = 2;
            source = target[..(count * 2)];
        }
        if (current == 2 && width < 2)
            Halve16(MemoryMarshal.Cast<byte, short>(source[..(count * 2)]), target[..count]);
    }

    /// <summary>
    /// Subtracts the low <paramref name="width"/> bytes of <paramref name="base"/> from each <paramref name="width"/>-byte
    /// value of <paramref name="values"/>, wrapping: turns cut values into cut offsets from the base.
    /// </summary>
    public static void Subtract(Span<byte> values, int width, ulong @base)
    {
        switch (width)
        {
            case 1: Subtract(values, (byte)@base); break;
            case 2: Subtract(MemoryMarshal.Cast<byte, ushort>(values), (ushort)@base); break;
            case 4: Subtract(MemoryMarshal.Cast<byte, uint>(values), (uint)@base); break;
            default: Subtract(MemoryMarshal.Cast<byte, ulong>(values), @base); break;
        }
    }

    private static void Subtract<T>(Span<T> values, T @base)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        ref var start = ref MemoryMarshal.GetReference(values);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var subtrahend = Vector256.Create(@base);
            for (; i <= values.Length - Vector256<T>.Count; i += Vector256<T>.Count)
                (Vector256.LoadUnsafe(ref start, (nuint)i) - subtrahend).StoreUnsafe(ref start, (nuint)i);
        }
        for (; i < values.Length; i++)
            Unsafe.Add(ref start, i) -= @base;
    }

    /// <summary>The low 32 bits of each value (the even words, gathered as in <see cref="PrimitiveColumnBuilder{T}"/>).</summary>
    private static void Halve64(ReadOnlySpan<long> values, Span<int> target)
    {
        var i = 0;
        if (Avx2.IsSupported)
        {
            ref var source = ref MemoryMarshal.GetReference(values);
            ref var output = ref MemoryMarshal.GetReference(target);
            var evens = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
            for (; i <= values.Length - Vector256<int>.Count; i += Vector256<int>.Count)
            {
                var low = Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref source, (nuint)i).AsInt32(), evens);
                var high = Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref source, (nuint)(i + Vector256<long>.Count)).AsInt32(), evens);
                Avx2.Permute2x128(low, high, 0x20).StoreUnsafe(ref output, (nuint)i);
            }
        }
        for (; i < values.Length; i++)
            target[i] = (int)values[i];
    }

    /// <summary>The low 16 bits of each value; <paramref name="target"/> may be the start of the same memory.</summary>
    private static void Halve32(ReadOnlySpan<int> values, Span<short> target)
    {
        ref var ints = ref MemoryMarshal.GetReference(values);
        ref var shorts = ref MemoryMarshal.GetReference(target);
        var count = values.Length;
        var i = 0;
        if (Avx2.IsSupported)
        {
            // Masked to the low 16 bits, unsigned saturation is the identity; packing works per 128-bit lane, so
            // the quadwords are put back in order afterwards.
            var mask = Vector256.Create(0xFFFF);
            for (; i <= count - 16; i += 16)
            {
                var a = Vector256.LoadUnsafe(ref ints, (nuint)i) & mask;
                var b = Vector256.LoadUnsafe(ref ints, (nuint)(i + 8)) & mask;
                var packed = Avx2.PackUnsignedSaturate(a, b);
                Avx2.Permute4x64(packed.AsInt64(), 0b11_01_10_00).AsInt16().StoreUnsafe(ref shorts, (nuint)i);
            }
        }
        for (; i < count; i++)
            Unsafe.Add(ref shorts, i) = (short)Unsafe.Add(ref ints, i);
    }

    /// <summary>The low 8 bits of each value; <paramref name="target"/> may be the start of the same memory.</summary>
    private static void Halve16(ReadOnlySpan<short> values, Span<byte> target)
    {
        ref var shorts = ref MemoryMarshal.GetReference(values);
        ref var bytes = ref MemoryMarshal.GetReference(target);
        var count = values.Length;
        var i = 0;
        if (Avx2.IsSupported)
        {
            var mask = Vector256.Create((short)0xFF);
            for (; i <= count - 32; i += 32)
            {
                var a = Vector256.LoadUnsafe(ref shorts, (nuint)i) & mask;
                var b = Vector256.LoadUnsafe(ref shorts, (nuint)(i + 16)) & mask;
                var packed = Avx2.PackUnsignedSaturate(a, b);
                Avx2.Permute4x64(packed.AsInt64(), 0b11_01_10_00).AsByte().StoreUnsafe(ref bytes, (nuint)i);
            }
        }
        for (; i < count; i++)
            Unsafe.Add(ref bytes, i) = (byte)Unsafe.Add(ref shorts, i);
    }
}
