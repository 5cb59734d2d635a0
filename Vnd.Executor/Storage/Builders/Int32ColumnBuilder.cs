using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>A integer (int4) column.</summary>
public sealed class Int32ColumnBuilder : PrimitiveColumnBuilder<int>
{
    public Int32ColumnBuilder(int capacity, ImportBufferPool? buffers = null)
        : base(SqlType.Int4, capacity, buffers)
    {
    }
}
