using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>A double precision (float8) column.</summary>
public sealed class Float64ColumnBuilder : PrimitiveColumnBuilder<double>
{
    public Float64ColumnBuilder(int capacity, ImportBufferPool? buffers = null)
        : base(SqlType.Float8, capacity, buffers)
    {
    }
}
