using Apache.Arrow;
using Apache.Arrow.Types;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Remote;

/// <summary>
/// How executor vectors travel as Arrow arrays between sites. Plain Arrow types where the vector layout has one
/// (booleans, integers, doubles, UTF-8, binary, UInt32 IPv4); fixed-size binary otherwise: MAC addresses in
/// network order (6 bytes), and decimal, interval and inet/cidr values in VND's own little layouts (16, 16, 18
/// bytes) because Arrow has no type that keeps a prefix length or a PostgreSQL interval exactly. Both ends know
/// the logical types from the fragment's plan; <see cref="TableServerProtocol.TypeKey"/> only informs other tools.
/// </summary>
public static class WireFormat
{
    public const int InetWidth = 18;
    public const int DecimalWidth = 16;
    public const int IntervalWidth = 16;

    public static IArrowType ArrowType(SqlType type) => PhysicalTypes.Of(type) switch
    {
        PhysicalType.Bool => BooleanType.Default,
        PhysicalType.Int16 => Int16Type.Default,
        PhysicalType.Int32 => Int32Type.Default,
        PhysicalType.Int64 => Int64Type.Default,
        PhysicalType.Float64 => DoubleType.Default,
        // Arrays travel as their ArrayLayout bytes (the element type is in the fragment's SqlType), not as UTF-8.
        PhysicalType.VarBytes => type.Id is TypeId.Bytea or TypeId.Array ? BinaryType.Default : StringType.Default,
        PhysicalType.Inet4 => UInt32Type.Default,
        PhysicalType.Inet => new FixedSizeBinaryType(InetWidth),
        PhysicalType.MacAddr => new FixedSizeBinaryType(6),
        PhysicalType.Decimal => new FixedSizeBinaryType(DecimalWidth),
        PhysicalType.Interval => new FixedSizeBinaryType(IntervalWidth),
        var physical => throw new ExecutionException(SqlState.FeatureNotSupported, $"{physical} values cannot be sent between sites"),
    };

    public static Schema Schema(IReadOnlyList<string> names, IReadOnlyList<SqlType> types)
    {
        var builder = new Schema.Builder();
        for (var c = 0; c < types.Count; c++)
        {
            var metadata = new[] { new KeyValuePair<string, string>(TableServerProtocol.TypeKey, types[c].PgName) };
            builder.Field(new Field(names[c], ArrowType(types[c]), nullable: true, metadata));
        }
        return builder.Build();
    }
}
