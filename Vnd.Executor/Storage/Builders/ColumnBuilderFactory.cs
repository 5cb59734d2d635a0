using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>Picks the builder class for a column's logical type (mirrors <see cref="ArrowTypeMapping"/>).</summary>
public static class ColumnBuilderFactory
{
    public static ColumnBuilder Create(SqlType type, int capacity)
    {
        // Fails with NotSupported for types without a storage mapping before any buffer is allocated.
        _ = ArrowTypeMapping.ToArrowType(type);
        return type.Id switch
        {
            TypeId.Bool => new BoolColumnBuilder(capacity),
            TypeId.Int2 => new Int16ColumnBuilder(capacity),
            TypeId.Int4 => new Int32ColumnBuilder(capacity),
            TypeId.Int8 => new Int64ColumnBuilder(capacity),
            TypeId.Float4 => new Float32ColumnBuilder(capacity),
            TypeId.Float8 => new Float64ColumnBuilder(capacity),
            TypeId.Text => new TextColumnBuilder(capacity),
            TypeId.Bytea => new BinaryColumnBuilder(capacity),
            TypeId.Timestamp or TypeId.TimestampTz => new TimestampColumnBuilder(type, capacity),
            TypeId.Inet when type.Family == InetFamily.V4 => new Inet4ColumnBuilder(capacity),
            TypeId.Inet => new InetColumnBuilder(type, capacity),
            TypeId.MacAddr => new MacAddrColumnBuilder(capacity),
            _ => throw new StorageException(StorageErrorKind.NotSupported, $"type {type.PgName} cannot be stored yet"),
        };
    }
}
