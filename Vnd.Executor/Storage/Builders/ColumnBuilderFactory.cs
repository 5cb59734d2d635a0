using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>Picks the builder class for a column's logical type (mirrors <see cref="ArrowTypeMapping"/>).</summary>
public static class ColumnBuilderFactory
{
    /// <param name="buffers">where the builder's arrays come from (and go back to when its writer is closed); null: its own</param>
    public static ColumnBuilder Create(SqlType type, int capacity, ImportBufferPool? buffers = null)
    {
        // Fails with NotSupported for types without a storage mapping before any buffer is allocated.
        _ = ArrowTypeMapping.ToArrowType(type);
        return type.Id switch
        {
            TypeId.Bool => new BoolColumnBuilder(capacity, buffers),
            TypeId.Int2 => new Int16ColumnBuilder(capacity, buffers),
            TypeId.Int4 => new Int32ColumnBuilder(capacity, buffers),
            TypeId.Int8 => new Int64ColumnBuilder(capacity, buffers),
            TypeId.Float4 => new Float32ColumnBuilder(capacity, buffers),
            TypeId.Float8 => new Float64ColumnBuilder(capacity, buffers),
            TypeId.Text => new TextColumnBuilder(capacity, buffers),
            TypeId.Bytea => new BinaryColumnBuilder(capacity, buffers),
            TypeId.Timestamp or TypeId.TimestampTz => new TimestampColumnBuilder(type, capacity, buffers),
            TypeId.Inet when type.Family == InetFamily.V4 => new Inet4ColumnBuilder(capacity, buffers),
            TypeId.Inet => new InetColumnBuilder(type, capacity, buffers),
            TypeId.MacAddr => new MacAddrColumnBuilder(capacity, buffers),
            _ => throw new StorageException(StorageErrorKind.NotSupported, $"type {type.PgName} cannot be stored yet"),
        };
    }
}
