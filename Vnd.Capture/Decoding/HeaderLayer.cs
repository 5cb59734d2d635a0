using System.Runtime.InteropServices;

namespace Vnd.Capture.Decoding;

/// <summary>
/// The parsed headers of one layer of a packet: the outer packet, or the innermost frame of a tunnel
/// (or the header an ICMP error quotes). Plain fields, no references: resetting is clearing <see cref="Parts"/>.
/// Addresses are kept as big-endian numbers so they cost no allocation and compare cheaply.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public struct HeaderLayer
{
    public LayerParts Parts;

    /// <summary>Fixed when the packet is created; quoted headers skip the length checks a real packet gets.</summary>
    public LayerRole Role;

    // Ethernet / VLAN
    /// <summary>MAC address in the low 48 bits, first byte on the wire most significant.</summary>
    public ulong EthSrc;
    public ulong EthDst;
    /// <summary>The EtherType after the VLAN tags (what the payload is).</summary>
    public ushort EthType;
    /// <summary>VLAN ids, outermost first; <see cref="VlanCount"/> of them are valid.</summary>
    public VlanStack VlanIds;
    public byte VlanCount;
    /// <summary>Bit i set: tag i is an 802.1ad/0x9100 service tag (tshark's ieee8021ad.id) rather than 802.1Q.</summary>
    public byte VlanServiceTags;

    // MPLS
    public uint MplsLabel;
    public byte MplsCount;

    // IPv4
    public uint Ipv4Src;
    public uint Ipv4Dst;
    public byte IpProto;
    public byte IpTtl;
    public byte IpHeaderLength;
    public byte IpDsfield;
    public ushort IpId;
    /// <summary>Total length; when the header says 0 (TSO/BIG TCP) the length the frame implies.</summary>
    public int IpTotalLength;
    public ushort IpFragmentOffset;
    public bool IpMoreFragments;
    public bool IpDontFragment;

    // IPv6
    public UInt128 Ipv6Src;
    public UInt128 Ipv6Dst;
    public byte Ipv6NextHeader;
    public byte Ipv6HopLimit;
    public byte Ipv6TrafficClass;
    public int Ipv6PayloadLength;
    public uint Ipv6FlowLabel;
    public uint Ipv6FragmentId;

    /// <summary>The transport protocol after IPv4 or the IPv6 extension chain.</summary>
    public byte L4Proto;

    // TCP / UDP
    public ushort SrcPort;
    public ushort DstPort;
    public ushort UdpLength;
    public uint TcpSeq;
    public uint TcpAck;
    /// <summary>12 flag bits as tshark's <c>tcp.flags</c> (reserved, NS, CWR ... FIN).</summary>
    public ushort TcpFlags;
    public ushort TcpWindow;
    public byte TcpHeaderLength;
    /// <summary>Payload length from the IP length fields, not from the captured bytes.</summary>
    public int TcpPayloadLength;
    public ushort TcpMss;
    public byte TcpWindowScale;
    public byte TcpSackCount;
    public uint TcpSackLeft;
    public uint TcpSackRight;
    public uint TcpTsVal;
    public uint TcpTsEcr;

    /// <summary>Offset and captured length of the L4 payload in the frame.</summary>
    public int PayloadOffset;
    public int PayloadLength;

    // ICMP / ICMPv6
    public byte IcmpType;
    public byte IcmpCode;

    // ARP
    public ushort ArpOpcode;
    public ulong ArpSenderMac;
    public ulong ArpTargetMac;
    public uint ArpSenderIp;
    public uint ArpTargetIp;

    // DNS
    public ushort DnsId;
    public ushort DnsFlags;
    public ushort DnsQuestionCount;
    public ushort DnsAnswerCount;
    public ushort DnsQuestionType;
    /// <summary>Where the first question name's text sits in <see cref="DecodedPacket.NameBuffer"/>.</summary>
    public ushort DnsNameStart;
    public ushort DnsNameLength;

    public readonly bool Has(LayerParts part) => (Parts & part) != 0;

    /// <summary>
    /// Empties the layer before a frame is decoded into it. Values of absent parts are never read, but
    /// <see cref="VlanCount"/> is read whenever Ethernet is present, so a tagged frame's count must not carry over to
    /// the next, untagged frame decoded into the same (reused) packet.
    /// </summary>
    internal void Clear()
    {
        Parts = LayerParts.None;
        VlanCount = 0;
    }
}
