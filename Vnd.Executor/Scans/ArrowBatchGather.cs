using Apache.Arrow;
using Apache.Arrow.Arrays;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Scans;

/// <summary>
/// Copies chosen rows of one Arrow column into an executor vector: the rows a scan's own filter kept
/// (<see cref="ScanPredicate"/>), so a selective scan copies only those. Values convert as in
/// <see cref="ArrowBatchConverter"/>, which copies whole ranges.
/// </summary>
public static class ArrowBatchGather
{
    /// <summary>Writes rows start + offsets[k] of <paramref name="array"/> to rows <paramref name="at"/> + k of
    /// <paramref name="target"/> (already reset flat; rows from <paramref name="at"/> on not yet written).</summary>
    public static void Gather(IArrowArray array, int start, ReadOnlySpan<int> offsets, Vector target, int at = 0) =>
        Gather(array, 0, start, offsets, target, at);

    /// <summary>
    /// <see cref="Gather(IArrowArray, int, ReadOnlySpan{int}, Vector, int)"/> for a column of a segment, whose stored
    /// integers are offsets from <paramref name="base"/> (<see cref="Storage.StoredIntegerType.Base"/> of its field).
    /// </summary>
    public static void Gather(IArrowArray array, long @base, int start, ReadOnlySpan<int> offsets, Vector target, int at = 0)
    {
        if (IntegerWidening.IsStoredInteger(array, target))
            IntegerWidening.Gather(array, @base, start, offsets, target, at);
        else
            GatherOther(array, start, offsets, target, at);
        if (array.NullCount == 0)
            return;
        for (var k = 0; k < offsets.Length; k++)
        {
            if (array.IsNull(start + offsets[k]))
                target.SetNull(at + k);
        }
    }

    /// <summary>Every layout but the integer columns of <see cref="IntegerWidening"/>.</summary>
    private static void GatherOther(IArrowArray array, int start, ReadOnlySpan<int> offsets, Vector target, int at)
    {
        switch (array)
        {
            case BooleanArray a: GatherBool(a, start, offsets, target.Data<byte>()[at..]); break;
            case TimestampArray a: Values(a.Values[start..], offsets, target.Data<long>()[at..]); break;
            case DoubleArray a: Values(a.Values[start..], offsets, target.Data<double>()[at..]); break;
            case FloatArray a: Widen(a.Values[start..], offsets, target.Data<double>()[at..]); break;
            case FixedSizeBinaryArray a when target.PhysicalType == PhysicalType.MacAddr: GatherMac(a, start, offsets, target.Data<ulong>()[at..]); break;
            case FixedSizeBinaryArray a when target.PhysicalType == PhysicalType.Inet: GatherInet(a, start, offsets, target, at); break;
            case BinaryArray a: GatherBytes(a, start, offsets, target, at); break; // StringArray is a BinaryArray
            default: throw ArrowBatchConverter.Unreadable(array, target);
        }
    }

    private static void Values<T>(ReadOnlySpan<T> values, ReadOnlySpan<int> offsets, Span<T> target) where T : unmanaged
    {
        for (var k = 0; k < offsets.Length; k++)
            target[k] = values[offsets[k]];
    }

    private static void Widen(ReadOnlySpan<float> values, ReadOnlySpan<int> offsets, Span<double> target)
    {
        for (var k = 0; k < offsets.Length; k++)
            target[k] = values[offsets[k]];
    }

    private static void GatherBool(BooleanArray a, int start, ReadOnlySpan<int> offsets, Span<byte> target)
    {
        var bits = a.ValueBuffer.Span;
        var first = a.Offset + start;
        for (var k = 0; k < offsets.Length; k++)
            target[k] = ArrowBatchConverter.Bit(bits, first + offsets[k]);
    }

    private static void GatherMac(FixedSizeBinaryArray a, int start, ReadOnlySpan<int> offsets, Span<ulong> target)
    {
        var bytes = a.ValueBuffer.Span;
        var first = a.Offset + start;
        for (var k = 0; k < offsets.Length; k++)
            target[k] = ArrowBatchConverter.Mac(bytes, first + offsets[k]);
    }

    private static void GatherInet(FixedSizeBinaryArray a, int start, ReadOnlySpan<int> offsets, Vector target, int at)
    {
        var bytes = a.ValueBuffer.Span;
        var data = target.Data<InetValue>()[at..];
        var first = a.Offset + start;
        var mixed = ArrowBatchConverter.IsMixed(target);
        for (var k = 0; k < offsets.Length; k++)
            data[k] = ArrowBatchConverter.Inet(bytes, first + offsets[k], mixed);
    }

    private static void GatherBytes(BinaryArray a, int start, ReadOnlySpan<int> offsets, Vector target, int at)
    {
        for (var k = 0; k < offsets.Length; k++)
            target.SetBytes(at + k, a.GetBytes(start + offsets[k], out _));
    }
}
