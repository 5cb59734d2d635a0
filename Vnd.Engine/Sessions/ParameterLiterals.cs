using System.Buffers.Binary;
using Vnd.Executor.Vectors;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;
using Vnd.Wire.Types;
using ExecutorInterval = Vnd.Executor.Vectors.PgInterval;

namespace Vnd.Engine.Sessions;

/// <summary>
/// Bind's parameter values as literals of the statement's parameter types (the form physical planning takes).
/// Numbers and binary values are decoded here (malformed input is 22P02/22P03 naming the value); a temporal,
/// network or interval value in text form stays text and is parsed by the executor's cast, like a quoted literal.
/// </summary>
public static class ParameterLiterals
{
    private static readonly DateTime PgEpoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static BoundLiteral[] From(PgParameters parameters, IReadOnlyList<SqlType> types)
    {
        var literals = new BoundLiteral[types.Count];
        for (var i = 0; i < literals.Length; i++)
            literals[i] = new BoundLiteral(parameters.IsNull(i) ? null : Value(parameters, i, types[i]), types[i]);
        return literals;
    }

    private static object Value(PgParameters p, int i, SqlType type)
    {
        var binary = p.Format(i) == PgFormat.Binary;
        return type.Id switch
        {
            TypeId.Bool => p.GetBoolean(i),
            TypeId.Int2 => p.GetInt64(i) is var small and >= short.MinValue and <= short.MaxValue
                ? (short)small
                : throw new Vnd.Wire.Errors.PgErrorException("22003", "value out of range for type smallint"),
            TypeId.Int4 => p.GetInt32(i),
            TypeId.Int8 => p.GetInt64(i),
            TypeId.Oid => unchecked((int)(uint)p.GetInt64(i)),
            TypeId.Float4 or TypeId.Float8 => p.GetDouble(i),
            TypeId.Numeric => p.GetDecimal(i),
            TypeId.Bytea => p.GetBytes(i),
            TypeId.Timestamp or TypeId.TimestampTz when binary => Timestamp(p.GetTimestampMicroseconds(i)),
            TypeId.Date when binary => Date(p, i),
            TypeId.Time when binary => TimeSpan.FromTicks(p.GetTimeMicroseconds(i) * 10),
            TypeId.Jsonb when binary => Jsonb(p.Raw(i)),
            TypeId.Interval when binary => Interval(p.GetInterval(i)),
            TypeId.Inet or TypeId.Cidr when binary => Inet(p.GetInet(i)),
            TypeId.MacAddr when binary => MacAddr(p.Raw(i)),
            TypeId.Array when binary => ArrayParameter.Read(p.Raw(i), type.Element!, Value),
            _ => p.GetString(i),
        };
    }

    /// <summary>timestamp_recv: microseconds since 2000, or int64 max/min for 'infinity'/'-infinity'.</summary>
    private static object Timestamp(long micros) =>
        TemporalInfinity.IsTimestamp(micros) ? TemporalInfinity.OfTimestamp(micros) : PgEpoch.AddTicks(micros * 10);

    /// <summary>date_recv: days since 2000, or int32 max/min for 'infinity'/'-infinity'.</summary>
    private static object Date(PgParameters p, int i) =>
        p.Raw(i) is { Length: 4 } raw && BinaryPrimitives.ReadInt32BigEndian(raw) is var days && TemporalInfinity.IsDate(days)
            ? TemporalInfinity.OfDate(days)
            : p.GetDate(i);

    /// <summary>jsonb_recv: version 1 and the text; anything else is refused as PostgreSQL does.</summary>
    private static string Jsonb(ReadOnlySpan<byte> raw) =>
        raw.Length > 0 && raw[0] == 1
            ? System.Text.Encoding.UTF8.GetString(raw[1..])
            : throw new Vnd.Wire.Errors.PgErrorException("22P03", "unsupported jsonb version number");

    private static ExecutorInterval Interval(Vnd.Wire.Types.PgInterval value) => new(value.Months, value.Days, value.Microseconds);

    private static InetValue Inet((System.Net.IPAddress Address, int Prefix) value) => InetValue.FromAddress(value.Address, value.Prefix);

    private static long MacAddr(ReadOnlySpan<byte> raw)
    {
        Span<byte> bytes = stackalloc byte[8];
        bytes.Clear();
        raw[..Math.Min(6, raw.Length)].CopyTo(bytes[2..]);
        return (long)BinaryPrimitives.ReadUInt64BigEndian(bytes);
    }
}
