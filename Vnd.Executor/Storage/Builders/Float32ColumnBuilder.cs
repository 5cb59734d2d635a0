using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>A real (float4) column.</summary>
public sealed class Float32ColumnBuilder : PrimitiveColumnBuilder<float>
{
    public Float32ColumnBuilder(int capacity, ImportBufferPool? buffers = null)
        : base(SqlType.Float4, capacity, buffers)
    {
    }
}
