using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>
/// An inet column that may hold IPv6: 16 bytes per value in network order, IPv4 stored IPv4-mapped
/// (<c>::ffff:a.b.c.d</c>) so one comparison orders both families.
/// </summary>
public sealed class InetColumnBuilder : FixedSizeBinaryColumnBuilder
{
    public InetColumnBuilder(SqlType type, int capacity, ImportBufferPool? buffers = null)
        : base(CheckType(type), 16, capacity, buffers)
    {
    }

    /// <summary>Appends a 4-byte (IPv4) or 16-byte (IPv6) address in network order.</summary>
    public void Append(ReadOnlySpan<byte> address)
    {
        if (address.Length == 16)
        {
            address.CopyTo(NextSlot());
            return;
        }
        if (address.Length != 4)
            throw new StorageException(StorageErrorKind.InvalidValue,
                $"an inet value has 4 or 16 bytes, not {address.Length}");
        var slot = NextSlot();
        slot[..10].Clear();
        slot[10] = 0xFF;
        slot[11] = 0xFF;
        address.CopyTo(slot[12..]);
    }

    private static SqlType CheckType(SqlType type) =>
        type.Id == TypeId.Inet && type.Family != InetFamily.V4
            ? type
            : throw new ArgumentException($"a 16-byte inet builder cannot hold {type.PgName} family {type.Family}", nameof(type));
}
