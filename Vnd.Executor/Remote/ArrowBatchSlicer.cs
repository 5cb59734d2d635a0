using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Vnd.Executor.Scans;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Remote;

/// <summary>
/// Copies a row range of selected columns of a received record batch into an executor batch. The layouts that
/// are VND's own in <see cref="WireFormat"/> are decoded here; everything else goes through
/// <see cref="ArrowBatchConverter"/>, the same path trace-table segments take. A stream whose arrays do not have
/// the agreed layout is a protocol violation, not a crash.
/// </summary>
public static class ArrowBatchSlicer
{
    public static void Copy(RecordBatch record, IReadOnlyList<int> columns, int start, int count, Batch target)
    {
        target.Reset();
        for (var c = 0; c < columns.Count; c++)
        {
            var array = record.Column(columns[c]);
            var vector = target[c];
            switch (vector.PhysicalType)
            {
                case PhysicalType.Decimal:
                    Raw<decimal>(Fixed(array, WireFormat.DecimalWidth), start, count, vector);
                    break;
                case PhysicalType.Interval:
                    Raw<PgInterval>(Fixed(array, WireFormat.IntervalWidth), start, count, vector);
                    break;
                case PhysicalType.Inet:
                    Inet(Fixed(array, WireFormat.InetWidth), start, count, vector);
                    break;
                default:
                    ArrowBatchConverter.Copy(array, start, count, vector);
                    continue;
            }
            for (var i = 0; i < count; i++)
            {
                if (array.IsNull(start + i))
                    vector.SetNull(i);
            }
        }
        target.Count = count;
    }

    private static FixedSizeBinaryArray Fixed(IArrowArray array, int width) =>
        array is FixedSizeBinaryArray { Data.DataType: Apache.Arrow.Types.FixedSizeBinaryType t } fixedArray && t.ByteWidth == width
            ? fixedArray
            : throw new ExecutionException(RemoteSqlStates.ProtocolViolation,
                $"table server sent a {array.Data.DataType.Name} array where {width}-byte values were expected");

    private static void Raw<T>(FixedSizeBinaryArray array, int start, int count, Vector target) where T : unmanaged
    {
        var values = MemoryMarshal.Cast<byte, T>(array.ValueBuffer.Span);
        if (values.Length < array.Offset + start + count)
            throw new ExecutionException(RemoteSqlStates.ProtocolViolation, "table server sent an array shorter than its length");
        values.Slice(array.Offset + start, count).CopyTo(target.Data<T>());
    }

    private static void Inet(FixedSizeBinaryArray array, int start, int count, Vector target)
    {
        var bytes = array.ValueBuffer.Span;
        var data = target.Data<InetValue>();
        for (var i = 0; i < count; i++)
        {
            var slot = bytes.Slice((array.Offset + start + i) * WireFormat.InetWidth, WireFormat.InetWidth);
            data[i] = new InetValue(BinaryPrimitives.ReadUInt64BigEndian(slot), BinaryPrimitives.ReadUInt64BigEndian(slot[8..]),
                slot[16], slot[17] != 0);
        }
    }
}
