using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>A macaddr column: 6 bytes per value in transmission order.</summary>
public sealed class MacAddrColumnBuilder : FixedSizeBinaryColumnBuilder
{
    public MacAddrColumnBuilder(int capacity, ImportBufferPool? buffers = null)
        : base(SqlType.MacAddr, 6, capacity, buffers)
    {
    }

    public void Append(ReadOnlySpan<byte> mac)
    {
        if (mac.Length != 6)
            throw new StorageException(StorageErrorKind.InvalidValue, $"a macaddr value has 6 bytes, not {mac.Length}");
        mac.CopyTo(NextSlot());
    }
}
