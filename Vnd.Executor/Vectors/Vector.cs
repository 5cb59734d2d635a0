using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Vnd.Planner.Types;

namespace Vnd.Executor.Vectors;

/// <summary>
/// One column of a <see cref="Batch"/>: a typed value buffer of fixed capacity reused from batch to batch, a
/// validity mask, and for text/bytea a byte heap the <see cref="StringRef"/>s point into. A constant vector holds
/// one value (row 0) that stands for every row, so literals are never materialised. Values live at physical row
/// positions; which rows are live is the batch's business (its selection).
/// </summary>
public sealed partial class Vector
{
    private byte[] _data;
    private byte[] _heap = [];
    private int _heapUsed;

    public Vector(SqlType type, int capacity = Batch.Capacity)
    {
        Type = type;
        PhysicalType = PhysicalTypes.Of(type);
        Capacity = capacity;
        _data = GC.AllocateUninitializedArray<byte>(capacity * PhysicalTypes.SizeOf(PhysicalType));
        Validity = new ValidityMask(capacity);
    }

    /// <summary>A flat vector over <paramref name="data"/> (at least capacity values; a recycled buffer whose
    /// contents are undefined), for row stores whose buffers go back to a <see cref="Execution.BufferRecycler"/>.</summary>
    internal Vector(SqlType type, int capacity, byte[] data)
    {
        Type = type;
        PhysicalType = PhysicalTypes.Of(type);
        Capacity = capacity;
        _data = data;
        Validity = new ValidityMask(capacity);
    }

    /// <summary>The value buffer, to hand back to the recycler it came from; the vector is not used after.</summary>
    internal byte[] ReleaseData()
    {
        var data = _data;
        _data = [];
        Capacity = 0;
        return data;
    }

    /// <summary>The logical type; may be retagged when a pooled vector is reused for the same layout.</summary>
    public SqlType Type { get; set; }

    public PhysicalType PhysicalType { get; }

    public int Capacity { get; private set; }

    public ValidityMask Validity { get; }

    /// <summary>Row 0 holds the value of every row.</summary>
    public bool IsConstant { get; private set; }

    /// <summary>Which scratch pool lent this vector out; null for vectors owned by operators or batches.</summary>
    internal object? Owner { get; set; }

    /// <summary>Bytes the vector holds (buffers plus heap), for memory accounting.</summary>
    public long AllocatedBytes => _data.Length + _heap.Length;

    /// <summary>The value buffer seen as <typeparamref name="T"/>; T must match <see cref="PhysicalType"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<T> Data<T>() where T : unmanaged => MemoryMarshal.Cast<byte, T>(_data.AsSpan());

    /// <summary>
    /// Grows a flat vector to hold at least <paramref name="capacity"/> rows, keeping its values: materialised
    /// row stores (hash-join build sides, sort buffers, group keys) are single large vectors, so gathering from
    /// them is one indexed load per value. Returns the bytes added.
    /// </summary>
    public long Grow(int capacity) => Grow(capacity, null);

    /// <summary><see cref="Grow(int)"/>, the new buffer rented from <paramref name="buffers"/> and the old one
    /// returned to it (when given).</summary>
    internal long Grow(int capacity, Execution.BufferRecycler? buffers)
    {
        if (capacity <= Capacity)
            return 0;
        var size = PhysicalTypes.SizeOf(PhysicalType);
        var grown = buffers is null
            ? GC.AllocateUninitializedArray<byte>(checked(capacity * size))
            : buffers.Rent<byte>(checked(capacity * size));
        _data.AsSpan(0, Capacity * size).CopyTo(grown);
        buffers?.Return(_data);
        var added = grown.Length - _data.Length;
        _data = grown;
        Validity.Grow(capacity);
        Capacity = capacity;
        return added;
    }

    /// <summary>Bytes in the text heap.</summary>
    public int HeapBytes => _heapUsed;

    /// <summary>Prepares for writing a fresh flat result: all valid, heap emptied.</summary>
    public void ResetFlat()
    {
        IsConstant = false;
        Validity.Reset();
        _heapUsed = 0;
    }

    /// <summary>Prepares for writing a constant: only row 0 is meaningful.</summary>
    public void ResetConstant()
    {
        IsConstant = true;
        Validity.Reset();
        _heapUsed = 0;
    }

    public bool IsNull(int row) => Validity.IsNull(IsConstant ? 0 : row);

    public bool IsValid(int row) => Validity.IsValid(IsConstant ? 0 : row);

    public void SetNull(int row) => Validity.SetNull(row);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Get<T>(int row) where T : unmanaged => Data<T>()[IsConstant ? 0 : row];

    public void Set<T>(int row, T value) where T : unmanaged => Data<T>()[row] = value;

    /// <summary>The bytes of a text/bytea row.</summary>
    public ReadOnlySpan<byte> GetBytes(int row)
    {
        var r = Data<StringRef>()[IsConstant ? 0 : row];
        return _heap.AsSpan(r.Offset, r.Length);
    }

    /// <summary>The bytes behind a reference taken from this vector's data.</summary>
    public ReadOnlySpan<byte> Bytes(StringRef r) => _heap.AsSpan(r.Offset, r.Length);

    /// <summary>Appends bytes to the heap and points <paramref name="row"/> at them.</summary>
    public void SetBytes(int row, ReadOnlySpan<byte> value)
    {
        var span = AppendBytes(value.Length, out var offset);
        value.CopyTo(span);
        Data<StringRef>()[row] = new StringRef(offset, value.Length);
    }

    /// <summary>Reserves <paramref name="length"/> heap bytes for a row the caller fills in place.</summary>
    public Span<byte> ReserveBytes(int row, int length)
    {
        var span = AppendBytes(length, out var offset);
        Data<StringRef>()[row] = new StringRef(offset, length);
        return span;
    }

    /// <summary>Gives back the unused tail of the last reservation (when the final length was smaller).</summary>
    public void ShrinkLastBytes(int row, int length)
    {
        ref var r = ref Data<StringRef>()[row];
        _heapUsed = r.Offset + length;
        r = new StringRef(r.Offset, length);
    }

    private Span<byte> AppendBytes(int length, out int offset)
    {
        if (_heapUsed + length > _heap.Length)
        {
            var grown = GC.AllocateUninitializedArray<byte>(Math.Max(Math.Max(256, _heap.Length * 2), _heapUsed + length));
            _heap.AsSpan(0, _heapUsed).CopyTo(grown);
            _heap = grown;
        }
        offset = _heapUsed;
        _heapUsed += length;
        return _heap.AsSpan(offset, length);
    }
}
