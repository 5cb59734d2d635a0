using Apache.Arrow;
using Apache.Arrow.Types;
using Vnd.Planner.Types;
using ArrowTimeUnit = Apache.Arrow.Types.TimeUnit;
using SqlTimeUnit = Vnd.Planner.Types.TimeUnit;

namespace Vnd.Executor.Storage;

/// <summary>
/// The one place that says how a logical <see cref="SqlType"/> is stored in Arrow. Every field also carries
/// <c>vnd.type</c> metadata (and <c>vnd.family</c> for IPv6-only inet) so the logical type round-trips
/// while any Arrow tool still sees plain physical types:
/// <list type="table">
/// <item><term>bool</term><description>Boolean (bit-packed)</description></item>
/// <item><term>int2 / int4 / int8</term><description>Int16 / Int32 / Int64</description></item>
/// <item><term>float4 / float8</term><description>Float / Double</description></item>
/// <item><term>text</term><description>Utf8 (String)</description></item>
/// <item><term>bytea</term><description>Binary</description></item>
/// <item><term>timestamp</term><description>Timestamp(µs, no zone)</description></item>
/// <item><term>timestamptz</term><description>Timestamp(µs or ns, "UTC")</description></item>
/// <item><term>inet4</term><description>UInt32, the address as a host-order number (1.2.3.4 = 0x01020304)</description></item>
/// <item><term>inet</term><description>FixedSizeBinary(16), network order; IPv4 stored as ::ffff:a.b.c.d</description></item>
/// <item><term>macaddr</term><description>FixedSizeBinary(6), network order</description></item>
/// </list>
/// numeric, date, interval, cidr, oid and arrays are not stored yet (<see cref="StorageErrorKind.NotSupported"/>).
/// A segment may store an int2/int4/int8 column narrower, and a timestamp or inet4 column as offsets from a base
/// (<see cref="StoredIntegerType"/>): its field then has the narrower Arrow type, the logical type only in
/// <c>vnd.type</c>, a timestamp's unit in <c>vnd.unit</c> and the base in <c>vnd.base</c>.
/// </summary>
public static class ArrowTypeMapping
{
    public const string TypeKey = "vnd.type";
    public const string FamilyKey = "vnd.family";
    /// <summary>A timestamp column's unit ("us", "ns") when a segment stores it as an integer type (<see cref="StoredIntegerType"/>).</summary>
    public const string UnitKey = "vnd.unit";

    /// <summary>The storage name of a logical type, used as <c>vnd.type</c> and in the manifest.</summary>
    public static string StorageName(SqlType type) => type.Id switch
    {
        TypeId.Bool => "bool",
        TypeId.Int2 => "int2",
        TypeId.Int4 => "int4",
        TypeId.Int8 => "int8",
        TypeId.Float4 => "float4",
        TypeId.Float8 => "float8",
        TypeId.Text => "text",
        TypeId.Bytea => "bytea",
        TypeId.Timestamp when type.Unit == SqlTimeUnit.Microsecond => "timestamp",
        TypeId.TimestampTz => "timestamptz",
        TypeId.Inet when type.Family == InetFamily.V4 => "inet4",
        TypeId.Inet => "inet",
        TypeId.MacAddr => "macaddr",
        _ => throw NotSupported(type),
    };

    /// <summary>The Arrow type a column of <paramref name="type"/> is written as.</summary>
    public static IArrowType ToArrowType(SqlType type) => type.Id switch
    {
        TypeId.Bool => BooleanType.Default,
        TypeId.Int2 => Int16Type.Default,
        TypeId.Int4 => Int32Type.Default,
        TypeId.Int8 => Int64Type.Default,
        TypeId.Float4 => FloatType.Default,
        TypeId.Float8 => DoubleType.Default,
        TypeId.Text => StringType.Default,
        TypeId.Bytea => BinaryType.Default,
        TypeId.Timestamp when type.Unit == SqlTimeUnit.Microsecond => new TimestampType(ArrowTimeUnit.Microsecond, (string?)null),
        TypeId.TimestampTz => new TimestampType(ToArrowUnit(type.Unit), "UTC"),
        TypeId.Inet when type.Family == InetFamily.V4 => UInt32Type.Default,
        TypeId.Inet => new FixedSizeBinaryType(16),
        TypeId.MacAddr => new FixedSizeBinaryType(6),
        _ => throw NotSupported(type),
    };

    /// <summary>The Arrow field of a column, with the metadata that lets us read the logical type back.</summary>
    public static Field ToField(ColumnSchema column) => ToField(column, ToArrowType(column.Type));

    /// <summary>The field of a column stored as <paramref name="stored"/> (its own type or a narrower integer).</summary>
    public static Field ToField(ColumnSchema column, IArrowType stored) => ToField(column, new StoredInteger(stored, 0));

    /// <summary>
    /// The field of a column stored as <paramref name="stored"/>: its own type, or an integer type holding its values
    /// or their offsets from a base (<see cref="StoredIntegerType"/>; the base in <c>vnd.base</c>, and a timestamp's
    /// unit in <c>vnd.unit</c>, as the stored type no longer says it).
    /// </summary>
    public static Field ToField(ColumnSchema column, StoredInteger stored)
    {
        var metadata = new List<KeyValuePair<string, string>> { new(TypeKey, StorageName(column.Type)) };
        if (column.Type.Id == TypeId.Inet && column.Type.Family == InetFamily.V6)
            metadata.Add(new(FamilyKey, "6"));
        if (column.Type.Id is TypeId.Timestamp or TypeId.TimestampTz && stored.Type is not TimestampType)
            metadata.Add(new(UnitKey, UnitName(column.Type.Unit)));
        if (stored.Base != 0)
            metadata.Add(new(StoredIntegerType.BaseKey, stored.Base.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new Field(column.Name, stored.Type, nullable: true, metadata);
    }

    public static Schema ToArrowSchema(TableSchema schema)
    {
        var builder = new Schema.Builder();
        foreach (var column in schema.Columns)
            builder.Field(ToField(column));
        return builder.Build();
    }

    /// <summary>
    /// The logical type of an Arrow field: from <c>vnd.type</c> when present, otherwise inferred from the
    /// physical type (so segments written by other tools can be read too).
    /// </summary>
    public static SqlType FromField(Field field)
    {
        string? family = null;
        if (field.HasMetadata && field.Metadata.TryGetValue(TypeKey, out var name))
        {
            field.Metadata.TryGetValue(FamilyKey, out family);
            var unit = field.DataType is TimestampType ts ? UnitName(FromArrowUnit(ts.Unit, field.Name))
                : field.Metadata.TryGetValue(UnitKey, out var stored) ? stored : null;
            return FromStorageName(name, unit, family, field.Name);
        }
        return field.DataType switch
        {
            BooleanType => SqlType.Bool,
            Int16Type => SqlType.Int2,
            Int32Type => SqlType.Int4,
            Int64Type => SqlType.Int8,
            FloatType => SqlType.Float4,
            DoubleType => SqlType.Float8,
            StringType => SqlType.Text,
            BinaryType => SqlType.Bytea,
            TimestampType { Timezone: null or "" } t when t.Unit == ArrowTimeUnit.Microsecond => SqlType.Timestamp,
            TimestampType t when !string.IsNullOrEmpty(t.Timezone) => SqlType.TimestampTzOf(FromArrowUnit(t.Unit, field.Name)),
            _ => throw new StorageException(StorageErrorKind.NotSupported,
                $"column \"{field.Name}\": Arrow type {field.DataType.Name} has no VND mapping"),
        };
    }

    /// <summary>Parses the manifest/metadata form written by <see cref="StorageName"/> (+ unit and family).</summary>
    public static SqlType FromStorageName(string name, string? unit, string? family, string column) => name switch
    {
        "bool" => SqlType.Bool,
        "int2" => SqlType.Int2,
        "int4" => SqlType.Int4,
        "int8" => SqlType.Int8,
        "float4" => SqlType.Float4,
        "float8" => SqlType.Float8,
        "text" => SqlType.Text,
        "bytea" => SqlType.Bytea,
        "timestamp" when unit is null or "us" => SqlType.Timestamp,
        "timestamptz" when unit is null or "us" => SqlType.TimestampTz,
        "timestamptz" when unit == "ns" => SqlType.TimestampTzNanos,
        "inet4" => SqlType.Inet4,
        "inet" when family == "6" => SqlType.Inet6,
        "inet" => SqlType.Inet,
        "macaddr" => SqlType.MacAddr,
        _ => throw new StorageException(StorageErrorKind.NotSupported,
            $"column \"{column}\": stored type \"{name}\"{(unit is null ? "" : " unit " + unit)} is not known"),
    };

    /// <summary>"us"/"ns" for timestamps, null for every other type.</summary>
    public static string? UnitName(SqlType type) =>
        type.Id is TypeId.Timestamp or TypeId.TimestampTz ? UnitName(type.Unit) : null;

    /// <summary>"6" for IPv6-only inet, null otherwise.</summary>
    public static string? FamilyName(SqlType type) =>
        type.Id == TypeId.Inet && type.Family == InetFamily.V6 ? "6" : null;

    private static string UnitName(SqlTimeUnit unit) => unit == SqlTimeUnit.Nanosecond ? "ns" : "us";

    private static ArrowTimeUnit ToArrowUnit(SqlTimeUnit unit) =>
        unit == SqlTimeUnit.Nanosecond ? ArrowTimeUnit.Nanosecond : ArrowTimeUnit.Microsecond;

    private static SqlTimeUnit FromArrowUnit(ArrowTimeUnit unit, string column) => unit switch
    {
        ArrowTimeUnit.Microsecond => SqlTimeUnit.Microsecond,
        ArrowTimeUnit.Nanosecond => SqlTimeUnit.Nanosecond,
        _ => throw new StorageException(StorageErrorKind.NotSupported,
            $"column \"{column}\": timestamp unit {unit} is not supported (only µs and ns)"),
    };

    private static StorageException NotSupported(SqlType type) =>
        new(StorageErrorKind.NotSupported, $"type {type.PgName}{(type.Id == TypeId.Timestamp ? " with unit " + type.Unit : "")} cannot be stored in a trace table yet");
}
