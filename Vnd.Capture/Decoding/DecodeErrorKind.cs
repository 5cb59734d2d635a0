namespace Vnd.Capture.Decoding;

/// <summary>
/// What went wrong while decoding one packet. Each value is a bit position in
/// <see cref="DecodedPacket.Errors"/>; the values are persisted in trace tables (<c>vnd.decode_errors</c>),
/// so they are append-only: never renumber, only add at the end (at most 64 kinds).
/// </summary>
public enum DecodeErrorKind : byte
{
    /// <summary>The frame is shorter than its link-layer header (pseudo-headers, PPP, loopback).</summary>
    TruncatedLinkHeader = 0,
    /// <summary>The link type is not one the decoder knows; nothing above it is decoded.</summary>
    UnknownLinkType = 1,
    /// <summary>A link-layer protocol field names a payload the decoder does not handle.</summary>
    UnsupportedLinkType = 2,
    TruncatedEthernet = 3,
    /// <summary>More stacked VLAN tags than <see cref="PacketDecoder.MaxVlanTags"/>.</summary>
    VlanTooDeep = 4,
    TruncatedVlan = 5,
    TruncatedLlc = 6,
    TruncatedMpls = 7,
    /// <summary>An MPLS label stack without bottom-of-stack within <see cref="PacketDecoder.MaxMplsLabels"/>.</summary>
    MplsTooDeep = 8,
    TruncatedIpv4 = 9,
    /// <summary>The IP version nibble does not match the protocol that announced it.</summary>
    BadIpVersion = 10,
    /// <summary>IPv4 IHL below 5 words.</summary>
    IhlTooSmall = 11,
    /// <summary>IP total/payload length larger than the original frame (not explained by a snaplen cut).</summary>
    IpLengthPastFrame = 12,
    /// <summary>IPv4 total length smaller than its header.</summary>
    IpLengthTooSmall = 13,
    /// <summary>IPv4 total length or IPv6 payload length 0: presumed TSO/BIG TCP, length taken from the frame.</summary>
    IpLengthZero = 14,
    TruncatedIpv6 = 15,
    /// <summary>More IPv6 extension headers than <see cref="PacketDecoder.MaxExtensionHeaders"/>.</summary>
    ExtensionChainTooLong = 16,
    TruncatedExtensionHeader = 17,
    TruncatedTcp = 18,
    TcpDataOffsetTooSmall = 19,
    /// <summary>A TCP option length runs past the option area or is below 2.</summary>
    TcpOptionsMalformed = 20,
    TruncatedUdp = 21,
    /// <summary>UDP length below 8 or beyond the IP payload.</summary>
    UdpLengthInvalid = 22,
    TruncatedIcmp = 23,
    TruncatedArp = 24,
    /// <summary>ARP with hardware/protocol sizes other than Ethernet (6) and IPv4 (4): addresses not decoded.</summary>
    ArpUnsupportedFormat = 25,
    /// <summary>The DNS message is shorter than its 12-byte header or its first question.</summary>
    DnsTruncated = 26,
    /// <summary>The first question name has a bad label, a compression loop or is too long.</summary>
    DnsNameMalformed = 27,
    TruncatedTunnel = 28,
    /// <summary>More nested encapsulations than <see cref="PacketDecoder.MaxTunnelDepth"/>.</summary>
    TunnelTooDeep = 29,
    /// <summary>A GRE version or flag combination the decoder does not handle (e.g. PPTP's enhanced GRE payload).</summary>
    GreUnsupported = 30,
    /// <summary>A defect in the decoder itself was caught; fields decoded before it are kept.</summary>
    DecoderFault = 31,
    /// <summary>The captured bytes are fewer than the frame's original length (snaplen).</summary>
    SnaplenCut = 32,
}
