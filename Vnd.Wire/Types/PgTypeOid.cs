namespace Vnd.Wire.Types;

/// <summary>Built-in type OIDs (pg_type.oid, stable across PostgreSQL versions).</summary>
public static class PgTypeOid
{
    public const uint Unspecified = 0;
    public const uint Bool = 16;
    public const uint Bytea = 17;
    public const uint Char = 18;
    public const uint Name = 19;
    public const uint Int8 = 20;
    public const uint Int2 = 21;
    public const uint Int2Vector = 22;
    public const uint Int4 = 23;
    public const uint RegProc = 24;
    public const uint Text = 25;
    public const uint Oid = 26;
    public const uint OidVector = 30;
    public const uint Json = 114;
    public const uint JsonArray = 199;
    public const uint Cidr = 650;
    public const uint Float4 = 700;
    public const uint Float8 = 701;
    public const uint Unknown = 705;
    public const uint MacAddr = 829;
    public const uint Inet = 869;
    public const uint BoolArray = 1000;
    public const uint ByteaArray = 1001;
    public const uint CharArray = 1002;
    public const uint NameArray = 1003;
    public const uint Int2Array = 1005;
    public const uint Int4Array = 1007;
    public const uint TextArray = 1009;
    public const uint VarcharArray = 1015;
    public const uint Int8Array = 1016;
    public const uint Float4Array = 1021;
    public const uint Float8Array = 1022;
    public const uint OidArray = 1028;
    public const uint InetArray = 1041;
    public const uint CidrArray = 651;
    public const uint MacAddrArray = 1040;
    public const uint BpChar = 1042;
    public const uint Varchar = 1043;
    public const uint Date = 1082;
    public const uint Time = 1083;
    public const uint Timestamp = 1114;
    public const uint TimestampArray = 1115;
    public const uint DateArray = 1182;
    public const uint TimeArray = 1183;
    public const uint TimestampTz = 1184;
    public const uint TimestampTzArray = 1185;
    public const uint Interval = 1186;
    public const uint IntervalArray = 1187;
    public const uint NumericArray = 1231;
    public const uint Numeric = 1700;
    public const uint RegClass = 2205;
    public const uint RegType = 2206;
    public const uint Void = 2278;
    public const uint Jsonb = 3802;
    public const uint JsonbArray = 3807;

    /// <summary>pg_type.typlen for a type: fixed width in bytes, -1 for varlena, -2 for cstring.</summary>
    public static short TypeLength(uint oid) => oid switch
    {
        Bool or Char => 1,
        Int2 => 2,
        Int4 or Oid or Float4 or Date or RegProc or RegClass or RegType => 4,
        Int8 or Float8 or Timestamp or TimestampTz or Time => 8,
        Interval => 16,
        MacAddr => 6,
        Name => 64,
        Void => 4,
        Unknown => -2,
        _ => -1,
    };

    /// <summary>The element type of an array type, or 0 when <paramref name="oid"/> is not an array.</summary>
    public static uint ElementOf(uint oid) => oid switch
    {
        BoolArray => Bool,
        ByteaArray => Bytea,
        CharArray => Char,
        NameArray => Name,
        Int2Array => Int2,
        Int4Array => Int4,
        TextArray => Text,
        VarcharArray => Varchar,
        Int8Array => Int8,
        Float4Array => Float4,
        Float8Array => Float8,
        OidArray => Oid,
        InetArray => Inet,
        CidrArray => Cidr,
        MacAddrArray => MacAddr,
        TimestampArray => Timestamp,
        DateArray => Date,
        TimeArray => Time,
        JsonArray => Json,
        JsonbArray => Jsonb,
        TimestampTzArray => TimestampTz,
        IntervalArray => Interval,
        NumericArray => Numeric,
        _ => 0,
    };
}
