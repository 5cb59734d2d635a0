using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Apache.Arrow;
using Apache.Arrow.Types;
using Vnd.Executor.Storage.Sketches;
using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>
/// A fixed-width numeric column: a reused <typeparamref name="T"/>[] that becomes the Arrow data buffer
/// as is. Null slots hold zero so files are deterministic; statistics skip them.
/// </summary>
public abstract class PrimitiveColumnBuilder<T> : ColumnBuilder
    where T : unmanaged, INumber<T>
{
    private T[] _values;
    private ArrayByteMemory<T> _memory;
    private readonly bool _narrowable;
    /// <summary>The batch's values cut to a narrower stored type (int2/int4/int8 columns only).</summary>
    private byte[]? _narrowed;
    /// <summary>The batch's min/max once computed (for the segment's stored type, then its statistics): valid while
    /// <see cref="_rangeCount"/> is the batch's count.</summary>
    private int _rangeCount = -1;
    private bool _rangeFound;
    private T _rangeMin;
    private T _rangeMax;

    private protected PrimitiveColumnBuilder(SqlType type, int capacity, ImportBufferPool? buffers)
        : base(type, capacity, buffers)
    {
        var pooled = buffers?.TryRent<T>(capacity);
        _values = pooled ?? GC.AllocateUninitializedArray<T>(capacity);
        _memory = new ArrayByteMemory<T>(_values);
        _narrowable = StoredIntegerType.IsNarrowable(type);
        // Allocated with the builder, not on the first narrowed batch: writing rows allocates nothing per batch.
        _narrowed = _narrowable ? RentArray<byte>(capacity * Unsafe.SizeOf<T>()) : null;
        // Mapped now in one call, not a page fault per 4 KiB as the first batch fills it (a costly exit on a VM;
        // docs/benchmarks.md, ingest12): every import of more than a batch writes all of it. Not the narrowed buffer,
        // of which only the stored width's share is ever written, nor a pooled array, whose pages are mapped already.
        if (pooled is null)
            LibC.TryPopulate(MemoryMarshal.AsBytes(_values.AsSpan()));
    }

    /// <summary>The values of the current batch (null slots are zero).</summary>
    public ReadOnlySpan<T> Values => _values.AsSpan(0, Count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(T value)
    {
        var values = _values;
        var index = Count;
        if ((uint)index >= (uint)values.Length)
            ThrowFull();
        values[index] = value;
        Count = index + 1;
    }

    /// <summary>
    /// Appends one value per element of <paramref name="values"/>, converted to the column's type (truncating), and
    /// NULL (stored as 0, so files stay deterministic) where <paramref name="present"/> is false.
    /// The bulk form of <see cref="Append"/> for column-at-a-time producers: one capacity check per run.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    public void AppendRange(ReadOnlySpan<long> values, ReadOnlySpan<bool> present)
    {
        if (present.Length != values.Length)
            throw new ArgumentException("one presence flag per value is needed", nameof(present));
        var start = Count;
        if (values.Length > Capacity - start)
            ThrowFull();
        var destination = _values.AsSpan(start, values.Length);
        Truncate(values, destination);
        // Nulls are rare in trace tables (most columns are fields every accepted packet has): find them vectorised.
        for (var i = present.IndexOf(false); i >= 0; i = NextAbsent(present, i + 1))
        {
            MarkNull(start + i);
            destination[i] = T.Zero;
        }
        Count = start + values.Length;
    }

    /// <summary>
    /// Appends <paramref name="count"/> valid slots and returns them for the caller to write in place: a column-at-a-time
    /// producer that computes its values (the importer's common-frame path) stores them straight into the column, with
    /// no staging array and no conversion pass. The slots hold whatever the buffer held: every one must be written.
    /// <see cref="SetNull"/> then makes any of them NULL.
    /// </summary>
    public Span<T> AppendSlots(int count)
    {
        var start = Count;
        if ((uint)count > (uint)(Capacity - start))
            ThrowFull();
        Count = start + count;
        return _values.AsSpan(start, count);
    }

    /// <summary>Makes appended slot <paramref name="index"/> NULL (stored as zero, so files stay deterministic).</summary>
    public void SetNull(int index)
    {
        if ((uint)index >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(index), "only an appended slot can be made NULL");
        if (IsValid(index))
            MarkNull(index);
        _values[index] = T.Zero;
        _rangeCount = -1;
    }

    /// <summary>
    /// Every value converted to <typeparamref name="T"/> as <c>T.CreateTruncating</c> does: a copy for 64-bit columns,
    /// and for 32-bit integer columns (int4, inet) the low halves gathered eight at a time, which the element loop did
    /// not become. (<c>Vector256.Narrow</c> of longs is no single instruction: it was a call per vector, slower still.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Truncate(ReadOnlySpan<long> values, Span<T> destination)
    {
        if (typeof(T) == typeof(long) || typeof(T) == typeof(ulong))
        {
            MemoryMarshal.Cast<long, T>(values).CopyTo(destination);
            return;
        }
        var i = 0;
        if (Avx2.IsSupported && (typeof(T) == typeof(int) || typeof(T) == typeof(uint)))
        {
            ref var source = ref MemoryMarshal.GetReference(values);
            ref var target = ref Unsafe.As<T, int>(ref MemoryMarshal.GetReference(destination));
            // The even 32-bit words (the low halves) of each vector into its lower 128 bits, then both lower halves.
            var evens = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
            for (; i <= values.Length - Vector256<int>.Count; i += Vector256<int>.Count)
            {
                var low = Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref source, (nuint)i).AsInt32(), evens);
                var high = Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref source, (nuint)(i + Vector256<long>.Count)).AsInt32(), evens);
                Avx2.Permute2x128(low, high, 0x20).StoreUnsafe(ref target, (nuint)i);
            }
        }
        for (; i < values.Length; i++)
            destination[i] = T.CreateTruncating(values[i]);
    }

    private static int NextAbsent(ReadOnlySpan<bool> present, int from)
    {
        var next = present[from..].IndexOf(false);
        return next < 0 ? -1 : from + next;
    }

    public override void AppendNull()
    {
        MarkNull();
        _values[Count] = T.Zero;
        Count++;
    }

    private protected override void ReturnValueBuffers(ImportBufferPool buffers)
    {
        buffers.Return(_values);
        if (_narrowed is not null)
            buffers.Return(_narrowed);
        _values = [];
        _memory = new ArrayByteMemory<T>(_values);
        _narrowed = _narrowable ? [] : null;
    }

    internal override IArrowArray BuildArray() => Build(ValidityBuffer, new ArrowBuffer(_memory.Bytes(Count)));

    /// <summary>
    /// The batch as <paramref name="stored"/> stores it: the builder's memory as is for the column's own type, otherwise
    /// each value cut to the stored width into a reused buffer (the segment writer checked they fit) and, for offsets,
    /// the base's low bytes subtracted from them (the low bytes of a difference are the difference of the low bytes).
    /// The cut values are then what the IPC writer copies, a half to an eighth of the bytes.
    /// </summary>
    internal override IArrowArray BuildArray(StoredInteger stored)
    {
        var width = StoredIntegerType.Width(stored.Type);
        if (!_narrowable || width >= Unsafe.SizeOf<T>())
            return BuildArray();
        // The cut halves in steps through the whole buffer; the stored values are its start.
        IntegerNarrowing.Narrow(MemoryMarshal.AsBytes(Values), Unsafe.SizeOf<T>(), _narrowed!, width);
        if (stored.Base != 0)
            IntegerNarrowing.Subtract(_narrowed.AsSpan(0, Count * width), width, unchecked((ulong)stored.Base));
        return Build(stored.Type, ValidityBuffer, new ArrowBuffer(_narrowed.AsMemory(0, Count * width)));
    }

    internal override bool IntegerRange(out long min, out long max)
    {
        min = max = 0;
        if (!_narrowable || !Range(out var low, out var high))
            return false;
        min = long.CreateTruncating(low);
        max = long.CreateTruncating(high);
        return true;
    }

    private protected override void BatchChanged() => _rangeCount = -1;

    /// <summary>The batch's least and greatest non-null value, computed once per batch.</summary>
    private bool Range(out T min, out T max)
    {
        if (_rangeCount != Count)
        {
            _rangeFound = HasNulls
                ? MinMax.OfValid(Values, Validity, out _rangeMin, out _rangeMax)
                : MinMax.Of(Values, out _rangeMin, out _rangeMax);
            _rangeCount = Count;
        }
        min = _rangeMin;
        max = _rangeMax;
        return _rangeFound;
    }

    internal override void AccumulateStatistics(ColumnStatisticsAccumulator statistics)
    {
        statistics.Add(NullCount, ValidityBytes + (long)Count * Unsafe.SizeOf<T>());
        AddHashes(statistics.Distinct);
        if (!Range(out var min, out var max))
            return;
        if (typeof(T) == typeof(double) || typeof(T) == typeof(float))
            statistics.AddReal(double.CreateTruncating(min), double.CreateTruncating(max));
        else
            statistics.AddInteger(long.CreateTruncating(min), long.CreateTruncating(max));
    }

    /// <summary>Missed values <see cref="AddHashes"/>' adder gathers before adding them (a stack buffer of this many 64-bit words).</summary>
    private const int MissedValues = 512;

    /// <summary>
    /// Every non-null value into the distinct-count sketch. A column without nulls (nearly all trace columns) goes
    /// through a <see cref="SketchValueAdder"/>, which skips values repeated within the batch or hashes them in bulk
    /// (floats as their bits, a chunk at a time); adding a value twice leaves the sketch as it was, so either way gives
    /// the sketch of one-by-one adds. With nulls, one by one, skipping the nulls and a repeat of the previous value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import (see Vnd.Capture's TraceImporter)
    private void AddHashes(HyperLogLog sketch)
    {
        var values = Values;
        if (!HasNulls)
        {
            var adder = new SketchValueAdder(sketch, stackalloc ulong[SketchValueAdder.RecentSize], stackalloc ulong[MissedValues]);
            if (typeof(T) == typeof(long))
                adder.Add(MemoryMarshal.Cast<T, long>(values));
            else if (typeof(T) == typeof(int))
                adder.Add(MemoryMarshal.Cast<T, int>(values));
            else if (typeof(T) == typeof(uint))
                adder.Add(MemoryMarshal.Cast<T, uint>(values));
            else if (typeof(T) == typeof(short))
                adder.Add(MemoryMarshal.Cast<T, short>(values));
            else
            {
                Span<ulong> bits = stackalloc ulong[SketchValueAdder.ChunkLength];
                for (var start = 0; start < values.Length; start += bits.Length)
                {
                    var chunk = values.Slice(start, Math.Min(bits.Length, values.Length - start));
                    for (var i = 0; i < chunk.Length; i++)
                        bits[i] = Bits(chunk[i]);
                    adder.Add<ulong>(bits[..chunk.Length]);
                }
            }
            return;
        }
        var previous = 0UL;
        var first = true;
        for (var i = 0; i < values.Length; i++)
        {
            if (!IsValid(i))
                continue;
            var bits = Bits(values[i]);
            if (bits == previous && !first)
                continue;
            first = false;
            previous = bits;
            sketch.Add(SketchHash.Of(bits));
        }
    }

    /// <summary>The value as 64 bits: integers widened, floats with -0 = 0 and one NaN (SQL equality).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(T value)
    {
        if (typeof(T) != typeof(double) && typeof(T) != typeof(float))
            return (ulong)long.CreateTruncating(value);
        var real = double.CreateTruncating(value);
        if (real == 0)
            real = 0;
        else if (double.IsNaN(real))
            real = double.NaN;
        return (ulong)BitConverter.DoubleToInt64Bits(real);
    }
}
