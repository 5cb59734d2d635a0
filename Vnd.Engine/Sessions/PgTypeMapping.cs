using Vnd.Planner.Types;
using Vnd.Wire.Types;

namespace Vnd.Engine.Sessions;

/// <summary>VND's logical types and PostgreSQL's type OIDs, both ways (RowDescription, ParameterDescription, Parse).</summary>
public static class PgTypeMapping
{
    /// <summary>The OID a result column of this type is described with. Unknown/NULL columns are text, as in PostgreSQL ≥ 10.</summary>
    public static uint Oid(SqlType type) => type.Id switch
    {
        TypeId.Bool => PgTypeOid.Bool,
        TypeId.Int2 => PgTypeOid.Int2,
        TypeId.Int4 => PgTypeOid.Int4,
        TypeId.Int8 => PgTypeOid.Int8,
        TypeId.Float4 => PgTypeOid.Float4,
        TypeId.Float8 => PgTypeOid.Float8,
        TypeId.Numeric => PgTypeOid.Numeric,
        TypeId.Bytea => PgTypeOid.Bytea,
        TypeId.Date => PgTypeOid.Date,
        TypeId.Time => PgTypeOid.Time,
        TypeId.Json => PgTypeOid.Json,
        TypeId.Jsonb => PgTypeOid.Jsonb,
        TypeId.Timestamp => PgTypeOid.Timestamp,
        TypeId.TimestampTz => PgTypeOid.TimestampTz,
        TypeId.Interval => PgTypeOid.Interval,
        TypeId.Inet => PgTypeOid.Inet,
        TypeId.Cidr => PgTypeOid.Cidr,
        TypeId.MacAddr => PgTypeOid.MacAddr,
        TypeId.Oid => PgTypeOid.Oid,
        TypeId.Array => ArrayOid(type.Element!),
        _ => PgTypeOid.Text,
    };

    /// <summary>The logical type of a parameter OID from Parse; 0 and unsupported OIDs leave the type to inference.</summary>
    public static SqlType FromOid(uint oid) => oid switch
    {
        PgTypeOid.Bool => SqlType.Bool,
        PgTypeOid.Int2 => SqlType.Int2,
        PgTypeOid.Int4 => SqlType.Int4,
        PgTypeOid.Int8 => SqlType.Int8,
        PgTypeOid.Float4 => SqlType.Float4,
        PgTypeOid.Float8 => SqlType.Float8,
        PgTypeOid.Numeric => SqlType.Numeric,
        PgTypeOid.Text or PgTypeOid.Varchar or PgTypeOid.BpChar or PgTypeOid.Name => SqlType.Text,
        PgTypeOid.Bytea => SqlType.Bytea,
        PgTypeOid.Date => SqlType.Date,
        PgTypeOid.Time => SqlType.Time,
        PgTypeOid.Json => SqlType.Json,
        PgTypeOid.Jsonb => SqlType.Jsonb,
        PgTypeOid.Timestamp => SqlType.Timestamp,
        PgTypeOid.TimestampTz => SqlType.TimestampTz,
        PgTypeOid.Interval => SqlType.Interval,
        PgTypeOid.Inet => SqlType.Inet,
        PgTypeOid.Cidr => SqlType.Cidr,
        PgTypeOid.MacAddr => SqlType.MacAddr,
        PgTypeOid.Oid => SqlType.Oid,
        _ when PgTypeOid.ElementOf(oid) is not 0 and var element && FromOid(element) is { Id: not TypeId.Unknown } scalar => SqlType.ArrayOf(scalar),
        _ => SqlType.Unknown,
    };

    private static uint ArrayOid(SqlType element) => element.Id switch
    {
        TypeId.Bool => PgTypeOid.BoolArray,
        TypeId.Int2 => PgTypeOid.Int2Array,
        TypeId.Int4 => PgTypeOid.Int4Array,
        TypeId.Int8 => PgTypeOid.Int8Array,
        TypeId.Float4 => PgTypeOid.Float4Array,
        TypeId.Float8 => PgTypeOid.Float8Array,
        TypeId.Numeric => PgTypeOid.NumericArray,
        TypeId.Bytea => PgTypeOid.ByteaArray,
        TypeId.Date => PgTypeOid.DateArray,
        TypeId.Time => PgTypeOid.TimeArray,
        TypeId.Json => PgTypeOid.JsonArray,
        TypeId.Jsonb => PgTypeOid.JsonbArray,
        TypeId.Timestamp => PgTypeOid.TimestampArray,
        TypeId.TimestampTz => PgTypeOid.TimestampTzArray,
        TypeId.Interval => PgTypeOid.IntervalArray,
        TypeId.Inet => PgTypeOid.InetArray,
        TypeId.Cidr => PgTypeOid.CidrArray,
        TypeId.MacAddr => PgTypeOid.MacAddrArray,
        TypeId.Oid => PgTypeOid.OidArray,
        _ => PgTypeOid.TextArray,
    };
}
