using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>
/// An IPv4-only inet column: the address as a host-order number (1.2.3.4 is 0x01020304), so ranges and
/// min/max work as integer comparisons.
/// </summary>
public sealed class Inet4ColumnBuilder : PrimitiveColumnBuilder<uint>
{
    public Inet4ColumnBuilder(int capacity, ImportBufferPool? buffers = null)
        : base(SqlType.Inet4, capacity, buffers)
    {
    }
}
