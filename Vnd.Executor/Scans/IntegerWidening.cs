using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Apache.Arrow;
using Vnd.Executor.Vectors;
using Vector = Vnd.Executor.Vectors.Vector;

namespace Vnd.Executor.Scans;

/// <summary>
/// Reads an integer-valued column of a segment (int2/int4/int8, a timestamp, an IPv4 address) into its vector whatever
/// integer type the segment stores it as (<see cref="Storage.StoredIntegerType"/>: a segment may store it narrower
/// than its logical type, maybe as offsets from a base): a copy when the types agree, a widening copy — one load and
/// one store per value, as the copy — when the stored type is narrower, then the base added in place.
/// </summary>
internal static class IntegerWidening
{
    /// <summary>Whether <paramref name="array"/> is one of the integer arrays an integer-valued column may be stored as.</summary>
    public static bool IsStoredInteger(IArrowArray array, Vector target) =>
        target.PhysicalType is PhysicalType.Int16 or PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.Inet4
        && array is UInt8Array or Int8Array or UInt16Array or Int16Array or UInt32Array or Int32Array or Int64Array;

    /// <summary>Rows [start, start + count) of <paramref name="array"/> plus <paramref name="base"/> to rows 0.. of <paramref name="target"/>.</summary>
    public static void Copy(IArrowArray array, long @base, int start, int count, Vector target)
    {
        switch (target.PhysicalType)
        {
            case PhysicalType.Int16: Copy(array, start, count, target.Data<short>(), (short)@base); break;
            case PhysicalType.Int32: Copy(array, start, count, target.Data<int>(), (int)@base); break;
            case PhysicalType.Inet4: Copy(array, start, count, target.Data<uint>(), (uint)@base); break;
            default: Copy(array, start, count, target.Data<long>(), @base); break;
        }
    }

    /// <summary>Rows start + offsets[k] of <paramref name="array"/> plus <paramref name="base"/> to rows <paramref name="at"/> + k of <paramref name="target"/>.</summary>
    public static void Gather(IArrowArray array, long @base, int start, ReadOnlySpan<int> offsets, Vector target, int at)
    {
        switch (target.PhysicalType)
        {
            case PhysicalType.Int16: Gather(array, start, offsets, target.Data<short>()[at..], (short)@base); break;
            case PhysicalType.Int32: Gather(array, start, offsets, target.Data<int>()[at..], (int)@base); break;
            case PhysicalType.Inet4: Gather(array, start, offsets, target.Data<uint>()[at..], (uint)@base); break;
            default: Gather(array, start, offsets, target.Data<long>()[at..], @base); break;
        }
    }

    /// <summary>Adds <paramref name="base"/> to each value, wrapping (offsets and base were cut from one value).</summary>
    private static void AddBase<T>(Span<T> values, T @base)
        where T : unmanaged, INumber<T>
    {
        if (@base == T.Zero)
            return;
        ref var start = ref MemoryMarshal.GetReference(values);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var addend = Vector256.Create(@base);
            for (; i <= values.Length - Vector256<T>.Count; i += Vector256<T>.Count)
                (Vector256.LoadUnsafe(ref start, (nuint)i) + addend).StoreUnsafe(ref start, (nuint)i);
        }
        for (; i < values.Length; i++)
            values[i] = unchecked(values[i] + @base);
    }

    private static void Copy<TTarget>(IArrowArray array, int start, int count, Span<TTarget> target, TTarget @base)
        where TTarget : unmanaged, INumber<TTarget>
    {
        CopyValues(array, start, count, target);
        AddBase(target[..count], @base);
    }

    private static void CopyValues<TTarget>(IArrowArray array, int start, int count, Span<TTarget> target)
        where TTarget : unmanaged, INumber<TTarget>
    {
        switch (array)
        {
            case UInt8Array a: Widen(a.Values.Slice(start, count), target); break;
            case Int8Array a: Widen(a.Values.Slice(start, count), target); break;
            case UInt16Array a: Widen(a.Values.Slice(start, count), target); break;
            case Int16Array a: Widen(a.Values.Slice(start, count), target); break;
            case UInt32Array a: Widen(a.Values.Slice(start, count), target); break;
            case Int32Array a: Widen(a.Values.Slice(start, count), target); break;
            case Int64Array a: Widen(a.Values.Slice(start, count), target); break;
        }
    }

    private static void Gather<TTarget>(IArrowArray array, int start, ReadOnlySpan<int> offsets, Span<TTarget> target, TTarget @base)
        where TTarget : unmanaged, INumber<TTarget>
    {
        GatherValues(array, start, offsets, target);
        AddBase(target[..offsets.Length], @base);
    }

    private static void GatherValues<TTarget>(IArrowArray array, int start, ReadOnlySpan<int> offsets, Span<TTarget> target)
        where TTarget : unmanaged, INumber<TTarget>
    {
        switch (array)
        {
            case UInt8Array a: Gather(a.Values[start..], offsets, target); break;
            case Int8Array a: Gather(a.Values[start..], offsets, target); break;
            case UInt16Array a: Gather(a.Values[start..], offsets, target); break;
            case Int16Array a: Gather(a.Values[start..], offsets, target); break;
            case UInt32Array a: Gather(a.Values[start..], offsets, target); break;
            case Int32Array a: Gather(a.Values[start..], offsets, target); break;
            case Int64Array a: Gather(a.Values[start..], offsets, target); break;
        }
    }

    /// <summary>Sign- or zero-extends each value (the types of one width copy as they are).</summary>
    private static void Widen<TSource, TTarget>(ReadOnlySpan<TSource> source, Span<TTarget> target)
        where TSource : unmanaged, INumber<TSource>
        where TTarget : unmanaged, INumber<TTarget>
    {
        if (typeof(TSource) == typeof(TTarget))
        {
            System.Runtime.InteropServices.MemoryMarshal.Cast<TSource, TTarget>(source).CopyTo(target);
            return;
        }
        target = target[..source.Length];
        var done = WidenVectors(source, target);
        for (var i = done; i < source.Length; i++)
            target[i] = TTarget.CreateTruncating(source[i]);
    }

    /// <summary>
    /// The widenings a trace table's columns take (ports and lengths stored as uint16 in int4 vectors, protocol and
    /// flags as uint8, sequence numbers and timestamp offsets as uint32 in int8 vectors, address offsets as uint16), 32 bytes of source at a time; returns how many
    /// values were written, the rest going through the scalar loop. The JIT folds the type tests per instantiation.
    /// </summary>
    private static int WidenVectors<TSource, TTarget>(ReadOnlySpan<TSource> source, Span<TTarget> target)
        where TSource : unmanaged
        where TTarget : unmanaged
    {
        if (!Vector256.IsHardwareAccelerated)
            return 0;
        if (typeof(TSource) == typeof(ushort) && (typeof(TTarget) == typeof(int) || typeof(TTarget) == typeof(uint)))
            return Step(MemoryMarshal.Cast<TSource, ushort>(source), MemoryMarshal.Cast<TTarget, uint>(target));
        if (typeof(TSource) == typeof(short) && typeof(TTarget) == typeof(int))
            return Step(MemoryMarshal.Cast<TSource, short>(source), MemoryMarshal.Cast<TTarget, int>(target));
        if (typeof(TSource) == typeof(byte) && typeof(TTarget) == typeof(short))
            return Step(MemoryMarshal.Cast<TSource, byte>(source), MemoryMarshal.Cast<TTarget, ushort>(target));
        if (typeof(TSource) == typeof(uint) && typeof(TTarget) == typeof(long))
            return Step(MemoryMarshal.Cast<TSource, uint>(source), MemoryMarshal.Cast<TTarget, ulong>(target));
        if (typeof(TSource) == typeof(int) && typeof(TTarget) == typeof(long))
            return Step(MemoryMarshal.Cast<TSource, int>(source), MemoryMarshal.Cast<TTarget, long>(target));
        if (typeof(TSource) == typeof(byte) && (typeof(TTarget) == typeof(int) || typeof(TTarget) == typeof(uint)))
        {
            var bytes = MemoryMarshal.Cast<TSource, byte>(source);
            var ints = MemoryMarshal.Cast<TTarget, uint>(target);
            var i = 0;
            for (; i + Vector256<byte>.Count <= bytes.Length; i += Vector256<byte>.Count)
            {
                var (low, high) = Vector256.Widen(Vector256.Create<byte>(bytes[i..]));
                var (a, b) = Vector256.Widen(low);
                var (c, d) = Vector256.Widen(high);
                a.CopyTo(ints[i..]);
                b.CopyTo(ints[(i + 8)..]);
                c.CopyTo(ints[(i + 16)..]);
                d.CopyTo(ints[(i + 24)..]);
            }
            return i;
        }
        return 0;
    }

    private static int Step(ReadOnlySpan<ushort> source, Span<uint> target)
    {
        var i = 0;
        for (; i + Vector256<ushort>.Count <= source.Length; i += Vector256<ushort>.Count)
        {
            var (low, high) = Vector256.Widen(Vector256.Create(source[i..]));
            low.CopyTo(target[i..]);
            high.CopyTo(target[(i + Vector256<uint>.Count)..]);
        }
        return i;
    }

    private static int Step(ReadOnlySpan<short> source, Span<int> target)
    {
        var i = 0;
        for (; i + Vector256<short>.Count <= source.Length; i += Vector256<short>.Count)
        {
            var (low, high) = Vector256.Widen(Vector256.Create(source[i..]));
            low.CopyTo(target[i..]);
            high.CopyTo(target[(i + Vector256<int>.Count)..]);
        }
        return i;
    }

    private static int Step(ReadOnlySpan<byte> source, Span<ushort> target)
    {
        var i = 0;
        for (; i + Vector256<byte>.Count <= source.Length; i += Vector256<byte>.Count)
        {
            var (low, high) = Vector256.Widen(Vector256.Create(source[i..]));
            low.CopyTo(target[i..]);
            high.CopyTo(target[(i + Vector256<ushort>.Count)..]);
        }
        return i;
    }

    private static int Step(ReadOnlySpan<uint> source, Span<ulong> target)
    {
        var i = 0;
        for (; i + Vector256<uint>.Count <= source.Length; i += Vector256<uint>.Count)
        {
            var (low, high) = Vector256.Widen(Vector256.Create(source[i..]));
            low.CopyTo(target[i..]);
            high.CopyTo(target[(i + Vector256<ulong>.Count)..]);
        }
        return i;
    }

    private static int Step(ReadOnlySpan<int> source, Span<long> target)
    {
        var i = 0;
        for (; i + Vector256<int>.Count <= source.Length; i += Vector256<int>.Count)
        {
            var (low, high) = Vector256.Widen(Vector256.Create(source[i..]));
            low.CopyTo(target[i..]);
            high.CopyTo(target[(i + Vector256<long>.Count)..]);
        }
        return i;
    }

    private static void Gather<TSource, TTarget>(ReadOnlySpan<TSource> values, ReadOnlySpan<int> offsets, Span<TTarget> target)
        where TSource : unmanaged, INumber<TSource>
        where TTarget : unmanaged, INumber<TTarget>
    {
        for (var k = 0; k < offsets.Length; k++)
            target[k] = TTarget.CreateTruncating(values[offsets[k]]);
    }
}
