using System.Buffers.Binary;
using System.Net;

namespace Vnd.Executor.Vectors;

/// <summary>
/// A general inet/cidr value: 128 address bits (IPv4 in the low 32 bits of <see cref="Low"/>), the prefix
/// length and the family. Ordered like PostgreSQL: IPv4 before IPv6, then address, then prefix length.
/// </summary>
public readonly record struct InetValue(ulong High, ulong Low, byte Prefix, bool IsV6) : IComparable<InetValue>
{
    public static InetValue FromV4(uint address, byte prefix = 32) => new(0, address, prefix, false);

    public int CompareTo(InetValue other)
    {
        if (IsV6 != other.IsV6)
            return IsV6 ? 1 : -1;
        var c = High.CompareTo(other.High);
        if (c != 0)
            return c;
        c = Low.CompareTo(other.Low);
        return c != 0 ? c : Prefix.CompareTo(other.Prefix);
    }

    public static InetValue FromAddress(IPAddress address, int prefix = -1)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        if (written == 4)
            return FromV4(BinaryPrimitives.ReadUInt32BigEndian(bytes), (byte)(prefix < 0 ? 32 : prefix));
        return new InetValue(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            (byte)(prefix < 0 ? 128 : prefix), true);
    }

    public IPAddress ToAddress()
    {
        if (!IsV6)
            return new IPAddress(BinaryPrimitives.ReverseEndianness((uint)Low));
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, High);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], Low);
        return new IPAddress(bytes);
    }

    /// <summary>PostgreSQL text form: the prefix is printed only when it is not the full width.</summary>
    public override string ToString()
    {
        var text = ToAddress().ToString();
        return Prefix == (IsV6 ? 128 : 32) ? text : $"{text}/{Prefix}";
    }

    public static bool operator <(InetValue left, InetValue right) => left.CompareTo(right) < 0;
    public static bool operator >(InetValue left, InetValue right) => left.CompareTo(right) > 0;
    public static bool operator <=(InetValue left, InetValue right) => left.CompareTo(right) <= 0;
    public static bool operator >=(InetValue left, InetValue right) => left.CompareTo(right) >= 0;
}
