namespace Vnd.Planner.Types;

/// <summary>
/// A logical SQL type: a <see cref="TypeId"/> plus the few attributes that change how values
/// are stored (timestamp resolution, inet family) or what they contain (array element).
/// Immutable and compared by value.
/// </summary>
public sealed record SqlType
{
    private SqlType(TypeId id, TimeUnit unit = TimeUnit.Microsecond, InetFamily family = InetFamily.Any, SqlType? element = null)
    {
        Id = id;
        Unit = unit;
        Family = family;
        Element = element;
    }

    public TypeId Id { get; }

    /// <summary>Stored resolution; meaningful for <see cref="TypeId.Timestamp"/> and <see cref="TypeId.TimestampTz"/>.</summary>
    public TimeUnit Unit { get; }

    /// <summary>Address family; meaningful for <see cref="TypeId.Inet"/> and <see cref="TypeId.Cidr"/>.</summary>
    public InetFamily Family { get; }

    /// <summary>Element type of an array; null otherwise.</summary>
    public SqlType? Element { get; }

    public static SqlType Unknown { get; } = new(TypeId.Unknown);
    public static SqlType Null { get; } = new(TypeId.Null);
    public static SqlType Bool { get; } = new(TypeId.Bool);
    public static SqlType Int2 { get; } = new(TypeId.Int2);
    public static SqlType Int4 { get; } = new(TypeId.Int4);
    public static SqlType Int8 { get; } = new(TypeId.Int8);
    public static SqlType Float4 { get; } = new(TypeId.Float4);
    public static SqlType Float8 { get; } = new(TypeId.Float8);
    public static SqlType Numeric { get; } = new(TypeId.Numeric);
    public static SqlType Text { get; } = new(TypeId.Text);
    public static SqlType Bytea { get; } = new(TypeId.Bytea);
    public static SqlType Date { get; } = new(TypeId.Date);
    public static SqlType Time { get; } = new(TypeId.Time);
    public static SqlType Json { get; } = new(TypeId.Json);
    public static SqlType Jsonb { get; } = new(TypeId.Jsonb);
    public static SqlType Timestamp { get; } = new(TypeId.Timestamp);
    public static SqlType TimestampTz { get; } = new(TypeId.TimestampTz);
    public static SqlType TimestampTzNanos { get; } = new(TypeId.TimestampTz, TimeUnit.Nanosecond);
    public static SqlType Interval { get; } = new(TypeId.Interval);
    public static SqlType Inet { get; } = new(TypeId.Inet);
    public static SqlType Inet4 { get; } = new(TypeId.Inet, family: InetFamily.V4);
    public static SqlType Inet6 { get; } = new(TypeId.Inet, family: InetFamily.V6);
    public static SqlType Cidr { get; } = new(TypeId.Cidr);
    public static SqlType MacAddr { get; } = new(TypeId.MacAddr);
    public static SqlType Oid { get; } = new(TypeId.Oid);

    public static SqlType ArrayOf(SqlType element) => new(TypeId.Array, element: element);

    public static SqlType TimestampTzOf(TimeUnit unit) => unit == TimeUnit.Nanosecond ? TimestampTzNanos : TimestampTz;

    public bool IsInteger => Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8;

    public bool IsNumeric => IsInteger || Id is TypeId.Float4 or TypeId.Float8 or TypeId.Numeric;

    /// <summary>The PostgreSQL name of the type as <c>format_type</c> prints it.</summary>
    public string PgName => Id switch
    {
        TypeId.Unknown => "unknown",
        TypeId.Null => "unknown",
        TypeId.Bool => "boolean",
        TypeId.Int2 => "smallint",
        TypeId.Int4 => "integer",
        TypeId.Int8 => "bigint",
        TypeId.Float4 => "real",
        TypeId.Float8 => "double precision",
        TypeId.Numeric => "numeric",
        TypeId.Text => "text",
        TypeId.Bytea => "bytea",
        TypeId.Date => "date",
        TypeId.Time => "time without time zone",
        TypeId.Json => "json",
        TypeId.Jsonb => "jsonb",
        TypeId.Timestamp => "timestamp without time zone",
        TypeId.TimestampTz => "timestamp with time zone",
        TypeId.Interval => "interval",
        TypeId.Inet => "inet",
        TypeId.Cidr => "cidr",
        TypeId.MacAddr => "macaddr",
        TypeId.Oid => "oid",
        TypeId.Array => Element!.PgName + "[]",
        _ => throw new InvalidOperationException($"no name for type {Id}"),
    };

    public override string ToString() => PgName;
}
