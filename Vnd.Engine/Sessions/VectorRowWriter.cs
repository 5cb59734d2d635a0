using System.Buffers.Binary;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Wire.Errors;
using Vnd.Wire.Results;
using Vnd.Wire.Types;
using ExecutorInterval = Vnd.Executor.Vectors.PgInterval;
using WireInterval = Vnd.Wire.Types.PgInterval;

namespace Vnd.Engine.Sessions;

/// <summary>
/// Copies rows of a batch into DataRow messages: one typed write per value, read straight from the vector's
/// buffer. Nothing is allocated per value except for IPv6 addresses in text form (IPAddress formats them).
/// </summary>
public static class VectorRowWriter
{
    /// <summary>1970-01-01 (vectors) to 2000-01-01 (PostgreSQL) in days and in microseconds.</summary>
    private const int EpochDays = 10_957;
    private const long EpochMicros = EpochDays * 86_400_000_000L;

    public static ColumnKind KindOf(SqlType type) => type.Id switch
    {
        TypeId.Bool => ColumnKind.Bool,
        TypeId.Int2 => ColumnKind.Int16,
        TypeId.Int4 => ColumnKind.Int32,
        TypeId.Int8 => ColumnKind.Int64,
        TypeId.Oid => ColumnKind.Oid,
        TypeId.Float4 or TypeId.Float8 => ColumnKind.Float,
        TypeId.Numeric => ColumnKind.Numeric,
        TypeId.Text or TypeId.Unknown or TypeId.Null => ColumnKind.Text,
        TypeId.Bytea => ColumnKind.Bytea,
        TypeId.Date => ColumnKind.Date,
        TypeId.Timestamp => type.Unit == TimeUnit.Nanosecond ? ColumnKind.TimestampNanos : ColumnKind.TimestampMicros,
        TypeId.TimestampTz => type.Unit == TimeUnit.Nanosecond ? ColumnKind.TimestampTzNanos : ColumnKind.TimestampTzMicros,
        TypeId.Interval => ColumnKind.Interval,
        TypeId.Inet or TypeId.Cidr => type.Family == InetFamily.V4 ? ColumnKind.Inet4 : ColumnKind.Inet,
        TypeId.MacAddr => ColumnKind.MacAddr,
        _ => ColumnKind.Unsupported,
    };

    /// <summary>Writes the given rows of <paramref name="batch"/>; <paramref name="binary"/> is the format of each column.</summary>
    public static void WriteRows(DataRowWriter writer, Batch batch, ReadOnlySpan<int> rows, ColumnKind[] kinds, bool[] binary, bool[] cidr)
    {
        foreach (var row in rows)
        {
            writer.BeginRow();
            for (var c = 0; c < kinds.Length; c++)
            {
                var vector = batch[c];
                if (vector.IsNull(row))
                    writer.WriteNull();
                else
                    WriteValue(writer, vector, row, kinds[c], binary[c], cidr[c]);
            }
            writer.EndRow();
        }
    }

    private static void WriteValue(DataRowWriter writer, Vector vector, int row, ColumnKind kind, bool binary, bool cidr)
    {
        switch (kind)
        {
            case ColumnKind.Bool: writer.WriteBool(vector.Get<byte>(row) != 0); break;
            case ColumnKind.Int16: writer.WriteInt16(vector.Get<short>(row)); break;
            case ColumnKind.Int32: writer.WriteInt32(vector.Get<int>(row)); break;
            case ColumnKind.Int64: writer.WriteInt64(vector.Get<long>(row)); break;
            case ColumnKind.Oid: writer.WriteOid(unchecked((uint)vector.Get<int>(row))); break;
            case ColumnKind.Float: writer.WriteFloat8(vector.Get<double>(row)); break;
            case ColumnKind.Numeric: writer.WriteNumeric(vector.Get<decimal>(row)); break;
            case ColumnKind.Text: writer.WriteTextUtf8(vector.GetBytes(row)); break;
            case ColumnKind.Bytea: writer.WriteBytea(vector.GetBytes(row)); break;
            case ColumnKind.Date: writer.WriteDate(vector.Get<int>(row) - EpochDays); break;
            case ColumnKind.TimestampMicros: writer.WriteTimestamp(vector.Get<long>(row) - EpochMicros); break;
            case ColumnKind.TimestampNanos: writer.WriteTimestamp(TimeUnits.FloorDiv(vector.Get<long>(row), 1000) - EpochMicros); break;
            case ColumnKind.TimestampTzMicros: writer.WriteTimestampTz(vector.Get<long>(row) - EpochMicros); break;
            case ColumnKind.TimestampTzNanos: writer.WriteTimestampTz(TimeUnits.FloorDiv(vector.Get<long>(row), 1000) - EpochMicros); break;
            case ColumnKind.Interval:
                var interval = vector.Get<ExecutorInterval>(row);
                writer.WriteInterval(new WireInterval(interval.Months, interval.Days, interval.Micros));
                break;
            case ColumnKind.Inet4: WriteInet(writer, InetValue.FromV4(vector.Get<uint>(row)), binary, cidr); break;
            case ColumnKind.Inet: WriteInet(writer, vector.Get<InetValue>(row), binary, cidr); break;
            case ColumnKind.MacAddr:
                Span<byte> mac = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64BigEndian(mac, vector.Get<ulong>(row));
                writer.WriteMacAddr(mac[2..]);
                break;
            default:
                throw new PgErrorException("0A000", $"not supported yet: sending values of type {vector.Type.PgName}");
        }
    }

    /// <summary>
    /// inet/cidr from the vector's address bits, encoded here rather than through an IPAddress: binary is
    /// family (2 = AF_INET, 3 = PGSQL_AF_INET6), prefix, is-cidr, length, address; text is inet_out's form. Both are
    /// handed over as ready bytes (the row writer copies them as they are).
    /// </summary>
    private static void WriteInet(DataRowWriter writer, InetValue value, bool binary, bool cidr)
    {
        Span<byte> bytes = stackalloc byte[PgTextFormat.MaxScalarLength];
        int length;
        if (binary)
        {
            bytes[0] = value.IsV6 ? (byte)3 : (byte)2;
            bytes[1] = value.Prefix;
            bytes[2] = cidr ? (byte)1 : (byte)0;
            bytes[3] = value.IsV6 ? (byte)16 : (byte)4;
            if (value.IsV6)
            {
                BinaryPrimitives.WriteUInt64BigEndian(bytes[4..], value.High);
                BinaryPrimitives.WriteUInt64BigEndian(bytes[12..], value.Low);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(bytes[4..], (uint)value.Low);
            }
            length = 4 + bytes[3];
        }
        else
        {
            length = FormatInet(value, cidr, bytes);
        }
        writer.WriteTextUtf8(bytes[..length]);
    }

    /// <summary>inet_out/cidr_out: the prefix is printed when it is not the full width, and always for cidr.</summary>
    public static int FormatInet(InetValue value, bool cidr, Span<byte> destination)
    {
        if (value.IsV6)
            return PgTextFormat.Inet(value.ToAddress(), value.Prefix, cidr, destination);
        var length = FormatV4((uint)value.Low, destination);
        if (cidr || value.Prefix != 32)
        {
            destination[length++] = (byte)'/';
            length += PgTextFormat.Int64(value.Prefix, destination[length..]);
        }
        return length;
    }

    private static int FormatV4(uint address, Span<byte> destination)
    {
        var length = 0;
        for (var shift = 24; shift >= 0; shift -= 8)
        {
            length += PgTextFormat.Int64((address >> shift) & 0xff, destination[length..]);
            if (shift > 0)
                destination[length++] = (byte)'.';
        }
        return length;
    }
}
