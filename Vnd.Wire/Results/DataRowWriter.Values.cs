using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Vnd.Wire.Errors;
using Vnd.Wire.Types;

namespace Vnd.Wire.Results;

public sealed partial class DataRowWriter
{
    public void WriteBool(bool value)
    {
        var span = BeginValue(1);
        if (Binary)
        {
            span[0] = value ? (byte)1 : (byte)0;
            EndValue(1);
        }
        else
        {
            EndValue(PgTextFormat.Bool(value, span));
        }
    }

    public void WriteInt16(short value) => WriteInteger(value);

    public void WriteInt32(int value) => WriteInteger(value);

    public void WriteInt64(long value) => WriteInteger(value);

    public void WriteOid(uint value) => WriteInteger(value);

    /// <summary>
    /// Any integer: binary width follows the column type (int2, int4/oid/reg*, int8; numeric and float columns get
    /// their own encoding), so the engine can hand over a widened value without caring about the declared type.
    /// </summary>
    public void WriteInteger(long value)
    {
        var type = ValueType;
        if (Binary)
        {
            switch (type)
            {
                case PgTypeOid.Numeric:
                    WriteNumeric(value);
                    return;
                case PgTypeOid.Float8:
                case PgTypeOid.Float4:
                    WriteFloat8(value);
                    return;
            }
        }

        var span = BeginValue(24);
        if (!Binary)
        {
            EndValue(PgTextFormat.Int64(value, span));
            return;
        }

        switch (type)
        {
            case PgTypeOid.Int2:
                BinaryPrimitives.WriteInt16BigEndian(span, value is >= short.MinValue and <= short.MaxValue
                    ? (short)value
                    : throw new PgErrorException(SqlState.NumericValueOutOfRange, "smallint out of range"));
                EndValue(2);
                break;
            case PgTypeOid.Int8:
                BinaryPrimitives.WriteInt64BigEndian(span, value);
                EndValue(8);
                break;
            case PgTypeOid.Oid or PgTypeOid.RegClass or PgTypeOid.RegType or PgTypeOid.RegProc:
                BinaryPrimitives.WriteUInt32BigEndian(span, value is >= 0 and <= uint.MaxValue
                    ? (uint)value
                    : throw new PgErrorException(SqlState.NumericValueOutOfRange, "OID out of range"));
                EndValue(4);
                break;
            default:
                BinaryPrimitives.WriteInt32BigEndian(span, value is >= int.MinValue and <= int.MaxValue
                    ? (int)value
                    : throw new PgErrorException(SqlState.NumericValueOutOfRange, "integer out of range"));
                EndValue(4);
                break;
        }
    }

    public void WriteFloat4(float value)
    {
        if (ValueType == PgTypeOid.Float8)
        {
            WriteFloat8(value);
            return;
        }

        var span = BeginValue(PgTextFormat.MaxScalarLength);
        if (Binary)
        {
            BinaryPrimitives.WriteSingleBigEndian(span, value);
            EndValue(4);
        }
        else
        {
            EndValue(PgTextFormat.Float4(value, span));
        }
    }

    public void WriteFloat8(double value)
    {
        if (ValueType == PgTypeOid.Float4)
        {
            WriteFloat4((float)value);
            return;
        }

        var span = BeginValue(PgTextFormat.MaxScalarLength);
        if (Binary)
        {
            BinaryPrimitives.WriteDoubleBigEndian(span, value);
            EndValue(8);
        }
        else
        {
            EndValue(PgTextFormat.Float8(value, span));
        }
    }

    public void WriteNumeric(decimal value)
    {
        var span = BeginValue(Math.Max(PgNumeric.MaxBinaryLength, PgTextFormat.MaxScalarLength));
        EndValue(Binary ? PgNumeric.WriteBinary(value, span) : PgTextFormat.Numeric(value, span));
    }

    /// <summary>text, varchar, bpchar, name (and the text form of anything the engine formats itself).</summary>
    public void WriteText(ReadOnlySpan<char> value)
    {
        var span = BeginValue(Encoding.UTF8.GetMaxByteCount(value.Length));
        EndValue(Encoding.UTF8.GetBytes(value, span), mayNeedQuotes: true);
    }

    /// <summary>Already UTF-8 encoded text (identical in both formats).</summary>
    public void WriteTextUtf8(ReadOnlySpan<byte> value)
    {
        var span = BeginValue(value.Length);
        value.CopyTo(span);
        EndValue(value.Length, mayNeedQuotes: true);
    }

    /// <summary>"char" (oid 18): one byte.</summary>
    public void WriteChar(byte value)
    {
        var span = BeginValue(1);
        span[0] = value;
        EndValue(1, mayNeedQuotes: true);
    }

    public void WriteBytea(ReadOnlySpan<byte> value)
    {
        if (Binary)
        {
            WriteTextUtf8(value);
            return;
        }

        var span = BeginValue(2 + (2 * value.Length));
        EndValue(PgTextFormat.Bytea(value, span), mayNeedQuotes: true);
    }

    public void WriteDate(DateOnly value) => WriteDate(PgEpoch.ToDays(value));

    /// <summary>Days since 2000-01-01 (PgEpoch.DateInfinity for 'infinity').</summary>
    public void WriteDate(int days)
    {
        var span = BeginValue(PgTextFormat.MaxScalarLength);
        if (Binary)
        {
            BinaryPrimitives.WriteInt32BigEndian(span, days);
            EndValue(4);
        }
        else if (days is PgEpoch.DateInfinity or PgEpoch.DateNegativeInfinity)
        {
            EndValue(Infinity(days > 0, span));
        }
        else
        {
            EndValue(PgEpoch.TryToDate(days, out var date) ? PgTextFormat.Date(date, span) : throw OutOfRange());
        }
    }

    public void WriteTimestamp(DateTime value) => WriteTimestamp(PgEpoch.ToMicroseconds(value));

    /// <summary>timestamp without time zone as µs since 2000-01-01.</summary>
    public void WriteTimestamp(long microseconds) => WriteTimestampCore(microseconds, withZone: false);

    public void WriteTimestampTz(DateTime utc) => WriteTimestampTz(PgEpoch.ToMicroseconds(utc.ToUniversalTime()));

    /// <summary>timestamptz as UTC µs since 2000-01-01; text is printed in the session time zone.</summary>
    public void WriteTimestampTz(long microseconds) => WriteTimestampCore(microseconds, withZone: true);

    public void WriteInterval(TimeSpan value) => WriteInterval(PgInterval.FromTimeSpan(value));

    public void WriteInterval(PgInterval value)
    {
        var span = BeginValue(PgIntervalText.MaxLength);
        if (!Binary)
        {
            EndValue(PgIntervalText.Format(value, span), mayNeedQuotes: true);
            return;
        }

        BinaryPrimitives.WriteInt64BigEndian(span, value.Microseconds);
        BinaryPrimitives.WriteInt32BigEndian(span[8..], value.Days);
        BinaryPrimitives.WriteInt32BigEndian(span[12..], value.Months);
        EndValue(16);
    }

    /// <summary>
    /// inet/cidr (by column type). Binary as Npgsql's NpgsqlInetConverter reads it: family (2 = AF_INET,
    /// 3 = PGSQL_AF_INET6), prefix bits, is-cidr flag, address length, address bytes.
    /// </summary>
    public void WriteInet(IPAddress address, int prefix)
    {
        var isCidr = ValueType == PgTypeOid.Cidr;
        var span = BeginValue(PgTextFormat.MaxScalarLength);
        if (!Binary)
        {
            EndValue(PgTextFormat.Inet(address, prefix, isCidr, span));
            return;
        }

        var v4 = address.AddressFamily == AddressFamily.InterNetwork;
        span[0] = v4 ? (byte)2 : (byte)3;
        span[1] = (byte)prefix;
        span[2] = isCidr ? (byte)1 : (byte)0;
        address.TryWriteBytes(span[4..], out var length);
        span[3] = (byte)length;
        EndValue(4 + length);
    }

    public void WriteMacAddr(ReadOnlySpan<byte> address)
    {
        var span = BeginValue(3 * address.Length);
        if (Binary)
        {
            address.CopyTo(span);
            EndValue(address.Length);
        }
        else
        {
            EndValue(PgTextFormat.MacAddr(address, span));
        }
    }

    private void WriteTimestampCore(long microseconds, bool withZone)
    {
        var span = BeginValue(PgTextFormat.MaxScalarLength);
        if (Binary)
        {
            BinaryPrimitives.WriteInt64BigEndian(span, microseconds);
            EndValue(8);
        }
        else if (microseconds is PgEpoch.Infinity or PgEpoch.NegativeInfinity)
        {
            EndValue(Infinity(microseconds > 0, span));
        }
        else if (!PgEpoch.TryToDateTime(microseconds, withZone ? DateTimeKind.Utc : DateTimeKind.Unspecified, out var value))
        {
            throw OutOfRange();
        }
        else
        {
            EndValue(withZone ? PgTextFormat.TimestampTz(value, TimeZone, span) : PgTextFormat.Timestamp(value, span), mayNeedQuotes: true);
        }
    }

    private static int Infinity(bool positive, Span<byte> span)
    {
        var text = positive ? "infinity"u8 : "-infinity"u8;
        text.CopyTo(span);
        return text.Length;
    }

    private static PgErrorException OutOfRange() => new("22008", "timestamp out of range");
}
