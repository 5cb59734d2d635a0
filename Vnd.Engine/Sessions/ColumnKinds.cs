using Vnd.Planner.Types;

namespace Vnd.Engine.Sessions;

/// <summary>The <see cref="ColumnKind"/> of a result column, from its logical type and physical unit or family.</summary>
public static class ColumnKinds
{
    public static ColumnKind Of(SqlType type) => type.Id switch
    {
        TypeId.Bool => ColumnKind.Bool,
        TypeId.Int2 => ColumnKind.Int16,
        TypeId.Int4 => ColumnKind.Int32,
        TypeId.Int8 => ColumnKind.Int64,
        TypeId.Oid => ColumnKind.Oid,
        TypeId.Float4 or TypeId.Float8 => ColumnKind.Float,
        TypeId.Numeric => ColumnKind.Numeric,
        TypeId.Text or TypeId.Json or TypeId.Unknown or TypeId.Null => ColumnKind.Text,
        TypeId.Jsonb => ColumnKind.Jsonb,
        TypeId.Bytea => ColumnKind.Bytea,
        TypeId.Date => ColumnKind.Date,
        TypeId.Time => ColumnKind.Time,
        TypeId.Timestamp => type.Unit == TimeUnit.Nanosecond ? ColumnKind.TimestampNanos : ColumnKind.TimestampMicros,
        TypeId.TimestampTz => type.Unit == TimeUnit.Nanosecond ? ColumnKind.TimestampTzNanos : ColumnKind.TimestampTzMicros,
        TypeId.Interval => ColumnKind.Interval,
        TypeId.Inet or TypeId.Cidr => type.Family == InetFamily.V4 ? ColumnKind.Inet4 : ColumnKind.Inet,
        TypeId.MacAddr => ColumnKind.MacAddr,
        TypeId.Array when Of(type.Element!) is not (ColumnKind.Array or ColumnKind.Unsupported) => ColumnKind.Array,
        _ => ColumnKind.Unsupported,
    };
}
