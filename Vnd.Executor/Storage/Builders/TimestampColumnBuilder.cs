using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>
/// A timestamp column. Values are ticks since the Unix epoch in the column's unit (µs or ns, from
/// <see cref="SqlType.Unit"/>); the importer converts once per packet, the builder never rescales.
/// </summary>
public sealed class TimestampColumnBuilder : PrimitiveColumnBuilder<long>
{
    public TimestampColumnBuilder(SqlType type, int capacity, ImportBufferPool? buffers = null)
        : base(CheckType(type), capacity, buffers)
    {
    }

    private static SqlType CheckType(SqlType type) =>
        type.Id is TypeId.Timestamp or TypeId.TimestampTz
            ? type
            : throw new ArgumentException($"a timestamp builder cannot hold {type.PgName}", nameof(type));
}
