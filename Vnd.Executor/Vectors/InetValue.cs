using System.Buffers.Binary;
using System.Net;

namespace Vnd.Executor.Vectors;

/// <summary>
/// A general inet/cidr value: 128 address bits (IPv4 in the low 32 bits of <see cref="Low"/>), the prefix
/// length and the family. Ordered like PostgreSQL's network_cmp: IPv4 before IPv6, then the network part (the
/// address masked to its prefix), then the prefix length, then the whole address — so 10.1.2.3/8 sorts before
/// 10.0.0.1.
/// </summary>
public readonly record struct InetValue(ulong High, ulong Low, byte Prefix, bool IsV6) : IComparable<InetValue>
{
    public static InetValue FromV4(uint address, byte prefix = 32) => new(0, address, prefix, false);

    public int CompareTo(InetValue other)
    {
        if (IsV6 != other.IsV6)
            return IsV6 ? 1 : -1;
        var network = MaskedTo(Prefix);
        var otherNetwork = other.MaskedTo(other.Prefix);
        var c = network.High.CompareTo(otherNetwork.High);
        if (c == 0)
            c = network.Low.CompareTo(otherNetwork.Low);
        if (c == 0)
            c = Prefix.CompareTo(other.Prefix);
        if (c == 0)
            c = High.CompareTo(other.High);
        return c != 0 ? c : Low.CompareTo(other.Low);
    }

    /// <summary>The address with the bits after <paramref name="prefix"/> cleared, carrying that prefix.</summary>
    public InetValue MaskedTo(byte prefix)
    {
        if (!IsV6)
        {
            var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - Math.Min((int)prefix, 32));
            return new InetValue(0, (uint)Low & mask, prefix, false);
        }
        var high = prefix >= 64 ? High : prefix == 0 ? 0 : High & (ulong.MaxValue << (64 - prefix));
        var low = prefix <= 64 ? 0 : prefix >= 128 ? Low : Low & (ulong.MaxValue << (128 - prefix));
        return new InetValue(high, low, prefix, true);
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
