using System.Buffers.Binary;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using Vnd.Executor.Vectors;
using Vnd.Wire.Errors;
using Vnd.Wire.Types;
using ExecutorInterval = Vnd.Executor.Vectors.PgInterval;
using WireInterval = Vnd.Wire.Types.PgInterval;

namespace Vnd.Engine.Sessions;

public sealed partial class WireRowEncoder
{
    /// <summary>1970-01-01 (vectors) to 2000-01-01 (PostgreSQL) in days and in microseconds.</summary>
    private const int EpochDays = 10_957;
    private const long EpochMicros = EpochDays * 86_400_000_000L;

    /// <summary>The second (in .NET ticks / 10^7) whose text <see cref="_secondText"/> holds; -1 = none yet.</summary>
    private long _lastSecond = -1;
    private readonly byte[] _secondText = new byte[WireTextFormat.MaxTimestampLength];

    /// <summary>Most bytes a non-variable value takes in either format (text/bytea are bounded per row).</summary>
    private static int MaxFixedLength(ColumnKind kind) => kind switch
    {
        ColumnKind.Text or ColumnKind.Jsonb or ColumnKind.Bytea or ColumnKind.Array => 0,
        ColumnKind.Interval => PgIntervalText.MaxLength,
        ColumnKind.Numeric => Math.Max(PgNumeric.MaxBinaryLength, PgTextFormat.MaxScalarLength),
        _ => PgTextFormat.MaxScalarLength,
    };

    /// <summary>The type's send() form, as PostgreSQL's binary DataRow and binary COPY carry it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int WriteBinary(int column, Vector vector, int row, Span<byte> span) =>
        WriteBinary(_kinds[column], _float4[column], _cidr[column], column, vector, row, span);

    /// <summary>A value of <paramref name="kind"/>: a column's, or an array element's (unpacked into a vector).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int WriteBinary(ColumnKind kind, bool float4, bool cidr, int column, Vector vector, int row, Span<byte> span)
    {
        switch (kind)
        {
            case ColumnKind.Bool:
                span[0] = vector.Get<byte>(row) != 0 ? (byte)1 : (byte)0;
                return 1;
            case ColumnKind.Int16:
                BinaryPrimitives.WriteInt16BigEndian(span, vector.Get<short>(row));
                return 2;
            case ColumnKind.Int32:
            case ColumnKind.Oid:
                BinaryPrimitives.WriteInt32BigEndian(span, vector.Get<int>(row));
                return 4;
            case ColumnKind.Int64:
                BinaryPrimitives.WriteInt64BigEndian(span, vector.Get<long>(row));
                return 8;
            case ColumnKind.Float when float4:
                BinaryPrimitives.WriteSingleBigEndian(span, (float)vector.Get<double>(row));
                return 4;
            case ColumnKind.Float:
                BinaryPrimitives.WriteDoubleBigEndian(span, vector.Get<double>(row));
                return 8;
            case ColumnKind.Numeric:
                return PgNumeric.WriteBinary(vector.Get<decimal>(row), span);
            case ColumnKind.Text:
            case ColumnKind.Bytea:
                var bytes = vector.GetBytes(row);
                bytes.CopyTo(span);
                return bytes.Length;
            case ColumnKind.Date:
                BinaryPrimitives.WriteInt32BigEndian(span, PgDays(vector.Get<int>(row)));
                return 4;
            case ColumnKind.TimestampMicros:
            case ColumnKind.TimestampTzMicros:
                BinaryPrimitives.WriteInt64BigEndian(span, PgMicros(vector.Get<long>(row)));
                return 8;
            case ColumnKind.TimestampNanos:
            case ColumnKind.TimestampTzNanos:
                BinaryPrimitives.WriteInt64BigEndian(span, PgMicrosOfNanos(vector.Get<long>(row)));
                return 8;
            case ColumnKind.Interval:
                var interval = vector.Get<ExecutorInterval>(row);
                BinaryPrimitives.WriteInt64BigEndian(span, interval.Micros);
                BinaryPrimitives.WriteInt32BigEndian(span[8..], interval.Days);
                BinaryPrimitives.WriteInt32BigEndian(span[12..], interval.Months);
                return 16;
            case ColumnKind.Inet4:
                return InetBinary(InetValue.FromV4(vector.Get<uint>(row)), cidr, span);
            case ColumnKind.Inet:
                return InetBinary(vector.Get<InetValue>(row), cidr, span);
            case ColumnKind.Time:
                BinaryPrimitives.WriteInt64BigEndian(span, vector.Get<long>(row));
                return 8;
            case ColumnKind.Jsonb:
                // jsonb_send: format version 1, then the text.
                var json = vector.GetBytes(row);
                span[0] = 1;
                json.CopyTo(span[1..]);
                return json.Length + 1;
            case ColumnKind.MacAddr:
                Span<byte> mac = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64BigEndian(mac, vector.Get<ulong>(row));
                mac[2..].CopyTo(span);
                return 6;
            case ColumnKind.Array:
                return ArrayBinary(column, vector.GetBytes(row), span);
            default:
                throw Unsupported(vector);
        }
    }

    /// <summary>The type's out() form (DateStyle ISO, IntervalStyle postgres, bytea hex), as PostgreSQL prints it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int WriteText(int column, Vector vector, int row, Span<byte> span) =>
        WriteText(_kinds[column], _float4[column], _cidr[column], column, vector, row, span);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int WriteText(ColumnKind kind, bool float4, bool cidr, int column, Vector vector, int row, Span<byte> span)
    {
        switch (kind)
        {
            case ColumnKind.Bool:
                span[0] = vector.Get<byte>(row) != 0 ? (byte)'t' : (byte)'f';
                return 1;
            case ColumnKind.Int16:
                return Integer(vector.Get<short>(row), span);
            case ColumnKind.Int32:
                return Integer(vector.Get<int>(row), span);
            case ColumnKind.Int64:
                return Integer(vector.Get<long>(row), span);
            case ColumnKind.Oid:
                return Integer(vector.Get<uint>(row), span);
            case ColumnKind.Float when float4:
                return PgTextFormat.Float4((float)vector.Get<double>(row), span);
            case ColumnKind.Float:
                return PgTextFormat.Float8(vector.Get<double>(row), span);
            case ColumnKind.Numeric:
                return PgTextFormat.Numeric(vector.Get<decimal>(row), span);
            case ColumnKind.Text:
            case ColumnKind.Jsonb:
                var text = vector.GetBytes(row);
                text.CopyTo(span);
                return text.Length;
            case ColumnKind.Bytea:
                return PgTextFormat.Bytea(vector.GetBytes(row), span);
            case ColumnKind.Date:
                return Date(PgDays(vector.Get<int>(row)), span);
            case ColumnKind.TimestampMicros:
                return Timestamp(PgMicros(vector.Get<long>(row)), span);
            case ColumnKind.TimestampNanos:
                return Timestamp(PgMicrosOfNanos(vector.Get<long>(row)), span);
            case ColumnKind.TimestampTzMicros:
                return TimestampTz(PgMicros(vector.Get<long>(row)), span);
            case ColumnKind.TimestampTzNanos:
                return TimestampTz(PgMicrosOfNanos(vector.Get<long>(row)), span);
            case ColumnKind.Interval:
                var interval = vector.Get<ExecutorInterval>(row);
                return PgIntervalText.Format(new WireInterval(interval.Months, interval.Days, interval.Micros), span);
            case ColumnKind.Inet4:
                return WireTextFormat.Inet4(vector.Get<uint>(row), 32, cidr, span);
            case ColumnKind.Inet:
                var inet = vector.Get<InetValue>(row);
                return inet.IsV6
                    ? PgTextFormat.Inet(inet.ToAddress(), inet.Prefix, cidr, span)
                    : WireTextFormat.Inet4((uint)inet.Low, inet.Prefix, cidr, span);
            case ColumnKind.MacAddr:
                return WireTextFormat.MacAddr(vector.Get<ulong>(row), span);
            case ColumnKind.Time:
                return WireTextFormat.Time(vector.Get<long>(row), span);
            case ColumnKind.Array:
                return ArrayText(column, vector.GetBytes(row), span);
            default:
                throw Unsupported(vector);
        }
    }

    private static int Integer(long value, Span<byte> span)
    {
        Utf8Formatter.TryFormat(value, span, out var written);
        return written;
    }

    /// <summary>
    /// Days since 1970 (vectors) as days since 2000 (PostgreSQL); the infinities are the same sentinels in both, so
    /// they pass as they are (binary send of infinity is the sentinel itself, as PostgreSQL's).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PgDays(int days) => TemporalInfinity.IsDate(days) ? days : days - EpochDays;

    /// <summary>Microseconds since 1970 as microseconds since 2000, infinities kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long PgMicros(long micros) => TemporalInfinity.IsTimestamp(micros) ? micros : micros - EpochMicros;

    /// <summary>Nanoseconds since 1970 floored to microseconds since 2000, infinities kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long PgMicrosOfNanos(long nanos) =>
        TemporalInfinity.IsTimestamp(nanos) ? nanos : TimeUnits.FloorDiv(nanos, 1000) - EpochMicros;

    private static int Date(int days, Span<byte> span)
    {
        if (days is PgEpoch.DateInfinity or PgEpoch.DateNegativeInfinity)
            return Infinity(days > 0, span);
        return PgEpoch.TryToDate(days, out var date) ? PgTextFormat.Date(date, span) : throw WireTextFormat.OutOfRange();
    }

    private int Timestamp(long microseconds, Span<byte> span) =>
        microseconds is PgEpoch.Infinity or PgEpoch.NegativeInfinity
            ? Infinity(microseconds > 0, span)
            : LocalTimestamp(WireTextFormat.LocalTicks(microseconds, 0), span);

    /// <summary>
    /// A local time's text, reusing the previous value's "yyyy-MM-dd HH:mm:ss" when it falls in the same second:
    /// a trace holds many packets per second, so most values only need their fraction printed.
    /// </summary>
    private int LocalTimestamp(long ticks, Span<byte> span)
    {
        const int Seconds = 19;
        var second = ticks / TimeSpan.TicksPerSecond;
        if (second != _lastSecond)
        {
            WireTextFormat.Timestamp(second * TimeSpan.TicksPerSecond, _secondText);
            _lastSecond = second;
        }
        _secondText.AsSpan(0, Seconds).CopyTo(span);
        var micros = (int)(ticks % TimeSpan.TicksPerSecond / 10);
        return micros == 0 ? Seconds : Seconds + WireTextFormat.Fraction(micros, span[Seconds..]);
    }

    /// <summary>timestamptz in the session zone: the local time, then the offset ("+00", "+05:30").</summary>
    private int TimestampTz(long microseconds, Span<byte> span)
    {
        if (microseconds is PgEpoch.Infinity or PgEpoch.NegativeInfinity)
            return Infinity(microseconds > 0, span);
        if (_fixedOffset is { } fixedOffset)
        {
            var length = LocalTimestamp(WireTextFormat.LocalTicks(microseconds, fixedOffset), span);
            _offsetText.AsSpan(0, _offsetLength).CopyTo(span[length..]);
            return length + _offsetLength;
        }
        var utc = new DateTime(WireTextFormat.LocalTicks(microseconds, 0), DateTimeKind.Utc);
        var offset = _zone.GetUtcOffset(utc);
        var written = LocalTimestamp(WireTextFormat.LocalTicks(microseconds, offset.Ticks), span);
        return written + PgTextFormat.Offset(offset, span[written..]);
    }

    /// <summary>
    /// inet/cidr send(): family (2 = AF_INET, 3 = PGSQL_AF_INET6), prefix, is-cidr, address length, address, as
    /// Npgsql's inet converter reads it.
    /// </summary>
    private static int InetBinary(InetValue value, bool cidr, Span<byte> span)
    {
        span[0] = value.IsV6 ? (byte)3 : (byte)2;
        span[1] = value.Prefix;
        span[2] = cidr ? (byte)1 : (byte)0;
        if (value.IsV6)
        {
            span[3] = 16;
            BinaryPrimitives.WriteUInt64BigEndian(span[4..], value.High);
            BinaryPrimitives.WriteUInt64BigEndian(span[12..], value.Low);
            return 20;
        }
        span[3] = 4;
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], (uint)value.Low);
        return 8;
    }

    private static int Infinity(bool positive, Span<byte> span)
    {
        var text = positive ? "infinity"u8 : "-infinity"u8;
        text.CopyTo(span);
        return text.Length;
    }

    private static PgErrorException Unsupported(Vector vector) =>
        new("0A000", $"not supported yet: sending values of type {vector.Type.PgName}");
}
