using System.Buffers.Binary;

namespace Vnd.Capture.Synthetic;

/// <summary>
/// Writes Ethernet/IPv4/TCP|UDP headers into a caller's buffer. Checksums are computed for the IPv4 header only:
/// the generated traffic is cut to a snap length, so a TCP checksum over the payload could not be verified anyway.
/// </summary>
public static class FrameBuilder
{
    public const int EthernetLength = 14;
    public const int Ipv4Length = 20;
    public const int TcpLength = 20;
    public const int UdpLength = 8;

    /// <summary>Ethernet + IPv4 + TCP headers (no options); returns the header length written.</summary>
    public static int WriteTcp(Span<byte> frame, in TcpSegment s)
    {
        WriteEthernet(frame, s.SourceMac, s.DestinationMac, 0x0800);
        var ipTotal = Ipv4Length + TcpLength + s.PayloadLength;
        WriteIpv4(frame[EthernetLength..], s.SourceIp, s.DestinationIp, 6, s.IpId, ipTotal, s.Ttl);
        var tcp = frame.Slice(EthernetLength + Ipv4Length, TcpLength);
        BinaryPrimitives.WriteUInt16BigEndian(tcp, s.SourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], s.DestinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], s.Sequence);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], s.Acknowledgment);
        tcp[12] = (TcpLength / 4) << 4;
        tcp[13] = (byte)s.Flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], s.Window);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[16..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[18..], 0);
        return EthernetLength + Ipv4Length + TcpLength;
    }

    public static void WriteEthernet(Span<byte> frame, ulong sourceMac, ulong destinationMac, ushort etherType)
    {
        WriteMac(frame, destinationMac);
        WriteMac(frame[6..], sourceMac);
        BinaryPrimitives.WriteUInt16BigEndian(frame[12..], etherType);
    }

    public static void WriteIpv4(Span<byte> ip, uint source, uint destination, byte protocol, ushort id, int totalLength, byte ttl)
    {
        ip[0] = 0x45;
        ip[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)totalLength);
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], id);
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], 0x4000); // DF
        ip[8] = ttl;
        ip[9] = protocol;
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], source);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], destination);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Ipv4Checksum(ip[..Ipv4Length]));
    }

    public static ushort Ipv4Checksum(ReadOnlySpan<byte> header)
    {
        uint sum = 0;
        for (var i = 0; i + 1 < header.Length; i += 2)
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        while (sum > 0xFFFF)
            sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    private static void WriteMac(Span<byte> dest, ulong mac)
    {
        for (var i = 0; i < 6; i++)
            dest[i] = (byte)(mac >> (8 * (5 - i)));
    }
}
