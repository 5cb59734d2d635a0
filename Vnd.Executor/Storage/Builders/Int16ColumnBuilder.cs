using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>A smallint (int2) column.</summary>
public sealed class Int16ColumnBuilder : PrimitiveColumnBuilder<short>
{
    public Int16ColumnBuilder(int capacity, ImportBufferPool? buffers = null)
        : base(SqlType.Int2, capacity, buffers)
    {
    }
}
