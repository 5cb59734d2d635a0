using System.Buffers.Binary;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Scans;

/// <summary>
/// Copies a row range of one Arrow column into an executor vector. One call per column and batch chunk; the
/// loops inside are over spans of the Arrow buffers, so converting a value costs a load and a store (a byte
/// swap for addresses). Layouts follow <see cref="Storage.ArrowTypeMapping"/>.
/// </summary>
public static class ArrowBatchConverter
{
    /// <summary>Writes rows [<paramref name="start"/>, start + <paramref name="count"/>) of
    /// <paramref name="array"/> to rows 0.. of <paramref name="target"/> (already reset flat).</summary>
    public static void Copy(IArrowArray array, int start, int count, Vector target) => Copy(array, 0, start, count, target);

    /// <summary>
    /// <see cref="Copy(IArrowArray, int, int, Vector)"/> for a column of a segment, whose stored integers are offsets
    /// from <paramref name="base"/> (<see cref="Storage.StoredIntegerType.Base"/> of its field; 0 for the values themselves).
    /// </summary>
    public static void Copy(IArrowArray array, long @base, int start, int count, Vector target)
    {
        if (IntegerWidening.IsStoredInteger(array, target))
        {
            IntegerWidening.Copy(array, @base, start, count, target);
            CopyNulls(array, start, count, target);
            return;
        }
        switch (array)
        {
            case BooleanArray a: CopyBool(a, start, count, target); break;
            case TimestampArray a: a.Values.Slice(start, count).CopyTo(target.Data<long>()); break;
            case DoubleArray a: a.Values.Slice(start, count).CopyTo(target.Data<double>()); break;
            case FloatArray a: Widen(a.Values.Slice(start, count), target.Data<double>()); break;
            case FixedSizeBinaryArray a when target.PhysicalType == PhysicalType.MacAddr: CopyMac(a, start, count, target); break;
            case FixedSizeBinaryArray a when target.PhysicalType == PhysicalType.Inet: CopyInet(a, start, count, target); break;
            case BinaryArray a: CopyBytes(a, start, count, target); break; // StringArray is a BinaryArray
            default: throw Unreadable(array, target);
        }
        CopyNulls(array, start, count, target);
    }

    internal static ExecutionException Unreadable(IArrowArray array, Vector target) => new(SqlState.FeatureNotSupported,
        $"Arrow array {array.Data.DataType.Name} cannot be read into a {target.Type.PgName} column");

    internal static void CopyNulls(IArrowArray array, int start, int count, Vector target)
    {
        if (array.NullCount == 0)
            return;
        for (var i = 0; i < count; i++)
        {
            if (array.IsNull(start + i))
                target.SetNull(i);
        }
    }

    private static void CopyBool(BooleanArray a, int start, int count, Vector target)
    {
        var bits = a.ValueBuffer.Span;
        var data = target.Data<byte>();
        var first = a.Offset + start;
        for (var i = 0; i < count; i++)
            data[i] = Bit(bits, first + i);
    }

    internal static byte Bit(ReadOnlySpan<byte> bits, int index) => (byte)((bits[index >> 3] >> (index & 7)) & 1);

    private static void Widen(ReadOnlySpan<float> source, Span<double> target)
    {
        for (var i = 0; i < source.Length; i++)
            target[i] = source[i];
    }

    private static void CopyMac(FixedSizeBinaryArray a, int start, int count, Vector target)
    {
        var bytes = a.ValueBuffer.Span;
        var data = target.Data<ulong>();
        var first = a.Offset + start;
        for (var i = 0; i < count; i++)
            data[i] = Mac(bytes, first + i);
    }

    internal static ulong Mac(ReadOnlySpan<byte> bytes, int index)
    {
        var mac = bytes.Slice(index * 6, 6);
        return ((ulong)BinaryPrimitives.ReadUInt16BigEndian(mac) << 32) | BinaryPrimitives.ReadUInt32BigEndian(mac[2..]);
    }

    private static void CopyInet(FixedSizeBinaryArray a, int start, int count, Vector target)
    {
        var bytes = a.ValueBuffer.Span;
        var data = target.Data<InetValue>();
        var first = a.Offset + start;
        var mixed = IsMixed(target);
        for (var i = 0; i < count; i++)
            data[i] = Inet(bytes, first + i, mixed);
    }

    /// <summary>An IPv6-only column keeps ::ffff:a.b.c.d as IPv6; a mixed column stores IPv4 that way (see InetColumnBuilder).</summary>
    internal static bool IsMixed(Vector target) => target.Type.Family != InetFamily.V6;

    internal static InetValue Inet(ReadOnlySpan<byte> bytes, int index, bool mixed)
    {
        var address = bytes.Slice(index * 16, 16);
        var high = BinaryPrimitives.ReadUInt64BigEndian(address);
        var low = BinaryPrimitives.ReadUInt64BigEndian(address[8..]);
        return mixed && high == 0 && (low >> 32) == 0xFFFF
            ? InetValue.FromV4((uint)low)
            : new InetValue(high, low, 128, true);
    }

    private static void CopyBytes(BinaryArray a, int start, int count, Vector target)
    {
        for (var i = 0; i < count; i++)
            target.SetBytes(i, a.GetBytes(start + i, out _));
    }
}
