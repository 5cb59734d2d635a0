using System.Buffers.Binary;
using Vnd.Executor.Vectors;
using Vnd.Wire.Errors;
using Vnd.Wire.Types;
using ExecutorInterval = Vnd.Executor.Vectors.PgInterval;
using WireInterval = Vnd.Wire.Types.PgInterval;

namespace Vnd.Engine.Sessions;

/// <summary>
/// One vector value in PostgreSQL's text output form (what COPY TO writes), into a caller-owned buffer that
/// grows when a text or bytea value needs it. Uses the same output functions as text-format DataRows.
/// </summary>
public static class VectorTextFormatter
{
    private const int EpochDays = 10_957;
    private const long EpochMicros = EpochDays * 86_400_000_000L;

    /// <summary>Formats a non-null value; returns its length in <paramref name="buffer"/>.</summary>
    public static int Format(Vector vector, int row, ColumnKind kind, bool cidr, TimeZoneInfo zone, ref byte[] buffer)
    {
        switch (kind)
        {
            case ColumnKind.Text:
            {
                var text = vector.GetBytes(row);
                text.CopyTo(Room(ref buffer, text.Length));
                return text.Length;
            }
            case ColumnKind.Bytea:
            {
                var bytes = vector.GetBytes(row);
                return PgTextFormat.Bytea(bytes, Room(ref buffer, 2 + (2 * bytes.Length)));
            }
        }
        var span = Room(ref buffer, PgIntervalText.MaxLength + PgTextFormat.MaxScalarLength);
        return kind switch
        {
            ColumnKind.Bool => PgTextFormat.Bool(vector.Get<byte>(row) != 0, span),
            ColumnKind.Int16 => PgTextFormat.Int64(vector.Get<short>(row), span),
            ColumnKind.Int32 => PgTextFormat.Int64(vector.Get<int>(row), span),
            ColumnKind.Int64 => PgTextFormat.Int64(vector.Get<long>(row), span),
            ColumnKind.Oid => PgTextFormat.Int64(unchecked((uint)vector.Get<int>(row)), span),
            ColumnKind.Float => vector.Type.Id == Vnd.Planner.Types.TypeId.Float4
                ? PgTextFormat.Float4((float)vector.Get<double>(row), span)
                : PgTextFormat.Float8(vector.Get<double>(row), span),
            ColumnKind.Numeric => PgTextFormat.Numeric(vector.Get<decimal>(row), span),
            ColumnKind.Date => PgEpoch.TryToDate(vector.Get<int>(row) - EpochDays, out var date) ? PgTextFormat.Date(date, span) : throw OutOfRange(),
            ColumnKind.TimestampMicros => Timestamp(vector.Get<long>(row) - EpochMicros, null, span),
            ColumnKind.TimestampNanos => Timestamp(TimeUnits.FloorDiv(vector.Get<long>(row), 1000) - EpochMicros, null, span),
            ColumnKind.TimestampTzMicros => Timestamp(vector.Get<long>(row) - EpochMicros, zone, span),
            ColumnKind.TimestampTzNanos => Timestamp(TimeUnits.FloorDiv(vector.Get<long>(row), 1000) - EpochMicros, zone, span),
            ColumnKind.Interval => Interval(vector.Get<ExecutorInterval>(row), span),
            ColumnKind.Inet4 => VectorRowWriter.FormatInet(InetValue.FromV4(vector.Get<uint>(row)), cidr, span),
            ColumnKind.Inet => VectorRowWriter.FormatInet(vector.Get<InetValue>(row), cidr, span),
            ColumnKind.MacAddr => MacAddr(vector.Get<ulong>(row), span),
            _ => throw new PgErrorException("0A000", $"not supported yet: sending values of type {vector.Type.PgName}"),
        };
    }

    private static int Timestamp(long microseconds, TimeZoneInfo? zone, Span<byte> span) =>
        PgEpoch.TryToDateTime(microseconds, zone is null ? DateTimeKind.Unspecified : DateTimeKind.Utc, out var value)
            ? (zone is null ? PgTextFormat.Timestamp(value, span) : PgTextFormat.TimestampTz(value, zone, span))
            : throw OutOfRange();

    private static int Interval(ExecutorInterval value, Span<byte> span) =>
        PgIntervalText.Format(new WireInterval(value.Months, value.Days, value.Micros), span);

    private static int MacAddr(ulong value, Span<byte> span)
    {
        Span<byte> mac = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(mac, value);
        return PgTextFormat.MacAddr(mac[2..], span);
    }

    private static Span<byte> Room(ref byte[] buffer, int length)
    {
        if (buffer.Length < length)
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        return buffer.AsSpan(0, length);
    }

    private static PgErrorException OutOfRange() => new("22008", "timestamp out of range");
}
