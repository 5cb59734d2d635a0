using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Vectors;

/// <summary>Maps logical SQL types onto vector layouts and gives each layout's value size.</summary>
public static class PhysicalTypes
{
    public static PhysicalType Of(SqlType type) => type.Id switch
    {
        TypeId.Bool => PhysicalType.Bool,
        TypeId.Int2 => PhysicalType.Int16,
        TypeId.Int4 or TypeId.Date or TypeId.Oid => PhysicalType.Int32,
        TypeId.Int8 or TypeId.Timestamp or TypeId.TimestampTz or TypeId.Time => PhysicalType.Int64,
        // float4 widens: one float kernel set, and float4 columns are rare in trace tables.
        TypeId.Float4 or TypeId.Float8 => PhysicalType.Float64,
        TypeId.Numeric => PhysicalType.Decimal,
        TypeId.Text or TypeId.Bytea or TypeId.Json or TypeId.Jsonb or TypeId.Unknown or TypeId.Null => PhysicalType.VarBytes,
        TypeId.Interval => PhysicalType.Interval,
        TypeId.Inet or TypeId.Cidr => type.Family == InetFamily.V4 ? PhysicalType.Inet4 : PhysicalType.Inet,
        TypeId.MacAddr => PhysicalType.MacAddr,
        // One-dimensional arrays of the scalar types: ArrayLayout bytes per row (a ListArray in one heap slice).
        TypeId.Array when type.Element!.Id != TypeId.Array => PhysicalType.VarBytes,
        _ => throw new ExecutionException(SqlState.FeatureNotSupported, $"type {type.PgName} has no vector layout"),
    };

    /// <summary>
    /// True when a vector of <paramref name="actual"/> may be read as <paramref name="declared"/>: the same layout and,
    /// for two timestamps, the same unit — a nanosecond trace column holds 1,000 times the microsecond value in the same
    /// int64 layout, so comparing layouts alone let <c>date_trunc('minute', ts)</c> on such a column reach a sort as
    /// microseconds (year 58,000: out of range).
    /// </summary>
    public static bool SameLayout(SqlType actual, SqlType declared) =>
        Of(actual) == Of(declared)
        && (actual.Id is not (TypeId.Timestamp or TypeId.TimestampTz) || declared.Id is not (TypeId.Timestamp or TypeId.TimestampTz)
            || actual.Unit == declared.Unit);

    /// <summary>Bytes per value in the vector's data buffer.</summary>
    public static unsafe int SizeOf(PhysicalType type) => type switch
    {
        PhysicalType.Bool => 1,
        PhysicalType.Int16 => 2,
        PhysicalType.Int32 or PhysicalType.Inet4 => 4,
        PhysicalType.Int64 or PhysicalType.Float64 or PhysicalType.MacAddr => 8,
        PhysicalType.Decimal => sizeof(decimal),
        PhysicalType.VarBytes => sizeof(StringRef),
        PhysicalType.Interval => sizeof(PgInterval),
        PhysicalType.Inet => sizeof(InetValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
