using System.Runtime.InteropServices;

namespace Vnd.Executor.Vectors;

/// <summary>
/// Builds array values in the <see cref="ArrayLayout"/> form, one at a time: Begin, one Add per element, then
/// <see cref="WriteTo"/> a vector row (or <see cref="ToBytes"/>). Its buffers are kept from one array to the
/// next, so a kernel that owns a writer builds a batch of arrays without allocating per row.
/// </summary>
public sealed class ArrayWriter
{
    private byte[] _values = new byte[256];
    private int _length;
    private byte[] _nulls = new byte[8];
    private int[] _ends = new int[16];
    private int _size;
    private bool _variable;

    public ArrayWriter(PhysicalType element) => Element = element;

    /// <summary>The element layout (retagged by <see cref="Begin(PhysicalType)"/>).</summary>
    public PhysicalType Element { get; private set; }

    public int Count { get; private set; }

    /// <summary>Starts a new array of the current element layout.</summary>
    public void Begin() => Begin(Element);

    public void Begin(PhysicalType element)
    {
        Element = element;
        _variable = element == PhysicalType.VarBytes;
        _size = _variable ? 0 : PhysicalTypes.SizeOf(element);
        Count = 0;
        _length = 0;
    }

    public void AddNull()
    {
        var index = Next();
        _nulls[index >> 3] |= (byte)(1 << (index & 7));
        if (_variable)
            _ends[index] = _length;
        else
            Reserve(_size).Clear();
    }

    public void Add<T>(T value) where T : unmanaged
    {
        Next();
        MemoryMarshal.Write(Reserve(_size), in value);
    }

    public void AddBytes(ReadOnlySpan<byte> value)
    {
        var index = Next();
        value.CopyTo(Reserve(value.Length));
        _ends[index] = _length;
    }

    /// <summary>Adds row <paramref name="row"/> of a vector of the element type (constant vectors included).</summary>
    public void AddFrom(Vector source, int row)
    {
        if (source.IsNull(row))
        {
            AddNull();
            return;
        }
        if (_variable)
        {
            AddBytes(source.GetBytes(row));
            return;
        }
        var at = (source.IsConstant ? 0 : row) * _size;
        AddFixed(source.Data<byte>().Slice(at, _size));
    }

    /// <summary>Adds a fixed-width element from its in-memory bytes (exactly the element layout's size).</summary>
    public void AddFixed(ReadOnlySpan<byte> value)
    {
        Next();
        value.CopyTo(Reserve(_size));
    }

    /// <summary>Bytes the array being built takes in its layout.</summary>
    public int ByteLength => 4 + ArrayLayout.BitmapBytes(Count) + (_variable ? Count * 4 : 0) + _length;

    /// <summary>Writes the array into <paramref name="row"/> of an array vector's heap.</summary>
    public void WriteTo(Vector result, int row)
    {
        result.Validity.SetValid(row);
        CopyTo(result.ReserveBytes(row, ByteLength));
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[ByteLength];
        CopyTo(bytes);
        return bytes;
    }

    private void CopyTo(Span<byte> target)
    {
        var count = Count;
        MemoryMarshal.Write(target, in count);
        var bitmap = ArrayLayout.BitmapBytes(count);
        _nulls.AsSpan(0, bitmap).CopyTo(target[4..]);
        var at = 4 + bitmap;
        if (_variable)
        {
            MemoryMarshal.AsBytes(_ends.AsSpan(0, count)).CopyTo(target[at..]);
            at += count * 4;
        }
        _values.AsSpan(0, _length).CopyTo(target[at..]);
    }

    private int Next()
    {
        var index = Count++;
        if ((index >> 3) >= _nulls.Length)
            Array.Resize(ref _nulls, _nulls.Length * 2);
        if ((index & 7) == 0)
            _nulls[index >> 3] = 0;
        if (_variable && index >= _ends.Length)
            Array.Resize(ref _ends, _ends.Length * 2);
        return index;
    }

    private Span<byte> Reserve(int bytes)
    {
        if (_length + bytes > _values.Length)
            Array.Resize(ref _values, Math.Max(_values.Length * 2, _length + bytes));
        var span = _values.AsSpan(_length, bytes);
        _length += bytes;
        return span;
    }
}
