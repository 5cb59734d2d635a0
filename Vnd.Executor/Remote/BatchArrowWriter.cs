using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Remote;

/// <summary>
/// Turns executor batches (selection and constant vectors included) into Arrow record batches in
/// <see cref="WireFormat"/>. Each record batch owns fresh buffers — one allocation per column and batch, never per
/// row — because the Flight writer may still hold the previous batch while the next one is built.
/// </summary>
public sealed class BatchArrowWriter(IReadOnlyList<string> names, IReadOnlyList<SqlType> types)
{
    public Schema Schema { get; } = WireFormat.Schema(names, types);

    public RecordBatch Write(Batch batch)
    {
        var rows = batch.Rows;
        var arrays = new IArrowArray[types.Count];
        for (var c = 0; c < arrays.Length; c++)
        {
            var vector = batch[c];
            if (vector.PhysicalType != PhysicalTypes.Of(types[c]))
                arrays[c] = Column(Coerce(vector, rows, c), Identity(rows.Length), Schema.GetFieldByIndex(c).DataType);
            else
                arrays[c] = Column(vector, rows, Schema.GetFieldByIndex(c).DataType);
        }
        return new RecordBatch(Schema, arrays, rows.Length);
    }

    private Vector[]? _coerced;
    private int[]? _identity;

    /// <summary>
    /// Some operators produce a column in another layout than its logical type (an epoch computed as float8 for a
    /// numeric column); the stream's layout follows the type, so such values are converted one by one. This path
    /// boxes, but only for those rare columns.
    /// </summary>
    private Vector Coerce(Vector vector, ReadOnlySpan<int> rows, int column)
    {
        _coerced ??= new Vector[types.Count];
        var target = _coerced[column] ??= new Vector(types[column]);
        target.ResetFlat();
        for (var i = 0; i < rows.Length; i++)
            VectorValues.Set(target, i, VectorValues.Get(vector, rows[i]));
        return target;
    }

    private ReadOnlySpan<int> Identity(int count)
    {
        if (_identity is null)
        {
            _identity = new int[Batch.Capacity];
            for (var i = 0; i < _identity.Length; i++)
                _identity[i] = i;
        }
        return _identity.AsSpan(0, count);
    }

    private static IArrowArray Column(Vector vector, ReadOnlySpan<int> rows, Apache.Arrow.Types.IArrowType type)
    {
        var n = rows.Length;
        var (validity, nulls) = Validity(vector, rows);
        ArrowBuffer[] buffers;
        switch (vector.PhysicalType)
        {
            case PhysicalType.Bool:
                var bits = new byte[(n + 7) / 8];
                for (var i = 0; i < n; i++)
                {
                    if (vector.Get<byte>(rows[i]) != 0)
                        bits[i >> 3] |= (byte)(1 << (i & 7));
                }
                buffers = [validity, new ArrowBuffer(bits)];
                break;
            case PhysicalType.VarBytes:
                buffers = Binary(vector, rows, validity);
                break;
            case PhysicalType.Int16: buffers = [validity, Fixed<short>(vector, rows)]; break;
            case PhysicalType.Int32: buffers = [validity, Fixed<int>(vector, rows)]; break;
            case PhysicalType.Int64: buffers = [validity, Fixed<long>(vector, rows)]; break;
            case PhysicalType.Float64: buffers = [validity, Fixed<double>(vector, rows)]; break;
            case PhysicalType.Inet4: buffers = [validity, Fixed<uint>(vector, rows)]; break;
            case PhysicalType.Decimal: buffers = [validity, Fixed<decimal>(vector, rows)]; break;
            case PhysicalType.Interval: buffers = [validity, Fixed<PgInterval>(vector, rows)]; break;
            case PhysicalType.MacAddr:
                var macs = new byte[n * 6];
                for (var i = 0; i < n; i++)
                {
                    var mac = vector.Get<ulong>(rows[i]);
                    BinaryPrimitives.WriteUInt16BigEndian(macs.AsSpan(i * 6), (ushort)(mac >> 32));
                    BinaryPrimitives.WriteUInt32BigEndian(macs.AsSpan(i * 6 + 2), (uint)mac);
                }
                buffers = [validity, new ArrowBuffer(macs)];
                break;
            case PhysicalType.Inet:
                var inets = new byte[n * WireFormat.InetWidth];
                for (var i = 0; i < n; i++)
                {
                    var value = vector.Get<InetValue>(rows[i]);
                    var slot = inets.AsSpan(i * WireFormat.InetWidth, WireFormat.InetWidth);
                    BinaryPrimitives.WriteUInt64BigEndian(slot, value.High);
                    BinaryPrimitives.WriteUInt64BigEndian(slot[8..], value.Low);
                    slot[16] = value.Prefix;
                    slot[17] = value.IsV6 ? (byte)1 : (byte)0;
                }
                buffers = [validity, new ArrowBuffer(inets)];
                break;
            default:
                throw new ExecutionException(SqlState.FeatureNotSupported, $"{vector.PhysicalType} values cannot be sent between sites");
        }
        return ArrowArrayFactory.BuildArray(new ArrayData(type, n, nulls, 0, buffers));
    }

    private static (ArrowBuffer Buffer, int Nulls) Validity(Vector vector, ReadOnlySpan<int> rows)
    {
        if (vector.Validity.AllValid)
            return (ArrowBuffer.Empty, 0);
        var bits = new byte[(rows.Length + 7) / 8];
        var nulls = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (vector.IsNull(rows[i]))
                nulls++;
            else
                bits[i >> 3] |= (byte)(1 << (i & 7));
        }
        return (nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(bits), nulls);
    }

    private static ArrowBuffer Fixed<T>(Vector vector, ReadOnlySpan<int> rows) where T : unmanaged
    {
        var bytes = new byte[rows.Length * Unsafe.SizeOf<T>()];
        var values = MemoryMarshal.Cast<byte, T>(bytes.AsSpan());
        for (var i = 0; i < values.Length; i++)
            values[i] = vector.Get<T>(rows[i]);
        return new ArrowBuffer(bytes);
    }

    private static ArrowBuffer[] Binary(Vector vector, ReadOnlySpan<int> rows, ArrowBuffer validity)
    {
        var offsetBytes = new byte[(rows.Length + 1) * sizeof(int)];
        var offsets = MemoryMarshal.Cast<byte, int>(offsetBytes.AsSpan());
        var total = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (vector.IsValid(rows[i]))
                total += vector.GetBytes(rows[i]).Length;
            offsets[i + 1] = total;
        }
        var data = new byte[total];
        for (var i = 0; i < rows.Length; i++)
        {
            if (vector.IsValid(rows[i]))
                vector.GetBytes(rows[i]).CopyTo(data.AsSpan(offsets[i]));
        }
        return [validity, new ArrowBuffer(offsetBytes), new ArrowBuffer(data)];
    }
}
