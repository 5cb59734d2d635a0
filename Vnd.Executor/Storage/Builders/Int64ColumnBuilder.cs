using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>A bigint (int8) column.</summary>
public sealed class Int64ColumnBuilder : PrimitiveColumnBuilder<long>
{
    public Int64ColumnBuilder(int capacity, ImportBufferPool? buffers = null)
        : base(SqlType.Int8, capacity, buffers)
    {
    }
}
