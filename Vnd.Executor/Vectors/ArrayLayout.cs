using System.Runtime.InteropServices;

namespace Vnd.Executor.Vectors;

/// <summary>
/// How one array value (one dimension, lower bound 1) is laid out in a vector's byte heap. An array column is a
/// <see cref="PhysicalType.VarBytes"/> vector: its <see cref="StringRef"/> per row is the list offset and length of
/// Arrow's ListArray, and the heap is the flattened child buffer. Keeping the row's elements in one contiguous
/// slice (rather than a child vector with offsets into it) means every operator that already moves VarBytes
/// values — gather, sort and hash-join buffers, group keys, spill, set operations, Arrow transport — moves arrays
/// too, with no per-row allocation and no new physical type to teach each of them; equal arrays have equal bytes,
/// so hashing and grouping work on the slice as they do on text.
/// <code>
/// int32 count
/// null bitmap: (count + 7) / 8 bytes, bit set = element is NULL
/// fixed-width elements: count values of the element layout's size (a NULL element's slot is zero)
/// text/bytea elements:  count int32 end offsets into the payload, then the payload bytes
/// </code>
/// Values are little-endian as in memory and read unaligned.
/// </summary>
public static class ArrayLayout
{
    private const int Header = 4;

    /// <summary>Bytes an empty array takes.</summary>
    public static ReadOnlySpan<byte> Empty => [0, 0, 0, 0];

    public static int Count(ReadOnlySpan<byte> array) => MemoryMarshal.Read<int>(array);

    public static bool IsNull(ReadOnlySpan<byte> array, int index) => (array[Header + (index >> 3)] & (1 << (index & 7))) != 0;

    public static bool HasNull(ReadOnlySpan<byte> array)
    {
        var count = Count(array);
        return array.Slice(Header, BitmapBytes(count)).IndexOfAnyExcept((byte)0) >= 0;
    }

    /// <summary>The element values of a fixed-width array: count × the element size.</summary>
    public static ReadOnlySpan<byte> Values(ReadOnlySpan<byte> array) => array[(Header + BitmapBytes(Count(array)))..];

    public static T Get<T>(ReadOnlySpan<byte> array, int index) where T : unmanaged =>
        MemoryMarshal.Read<T>(Values(array)[(index * Marshal.SizeOf<T>())..]);

    /// <summary>The bytes of element <paramref name="index"/> of a text/bytea array.</summary>
    public static ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> array, int index)
    {
        var count = Count(array);
        var ends = Values(array);
        var payload = ends[(count * 4)..];
        var start = index == 0 ? 0 : MemoryMarshal.Read<int>(ends[((index - 1) * 4)..]);
        var end = MemoryMarshal.Read<int>(ends[(index * 4)..]);
        return payload[start..end];
    }

    public static int BitmapBytes(int count) => (count + 7) >> 3;

    /// <summary>
    /// Copies the elements of <paramref name="array"/> into rows [0, count) of a flat vector of the element type,
    /// growing it when needed: fixed-width values are one block copy. The wire encoder, unnest and the element
    /// casts then reuse the scalar code paths on that vector.
    /// </summary>
    public static int Unpack(ReadOnlySpan<byte> array, Vector elements)
    {
        var count = Count(array);
        elements.ResetFlat();
        elements.Grow(count);
        for (var i = 0; i < count; i++)
        {
            if (IsNull(array, i))
                elements.SetNull(i);
        }
        if (elements.PhysicalType == PhysicalType.VarBytes)
        {
            for (var i = 0; i < count; i++)
                elements.SetBytes(i, Bytes(array, i));
            return count;
        }
        var size = PhysicalTypes.SizeOf(elements.PhysicalType);
        Values(array)[..(count * size)].CopyTo(elements.Data<byte>());
        return count;
    }
}
