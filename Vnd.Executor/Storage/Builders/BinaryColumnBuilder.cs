using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>A bytea column (Arrow Binary).</summary>
public sealed class BinaryColumnBuilder : VariableWidthColumnBuilder
{
    public BinaryColumnBuilder(int capacity, ImportBufferPool? buffers = null)
        : base(SqlType.Bytea, capacity, buffers)
    {
    }
}
