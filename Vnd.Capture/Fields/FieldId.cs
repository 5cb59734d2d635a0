namespace Vnd.Capture.Fields;

/// <summary>
/// Stable numbers of the decodable fields. Persisted in table manifests, so append-only: never renumber. Values
/// stay below <see cref="FieldIds.InnerBit"/>; the <c>inner.</c> and <c>quoted.</c> variant of a layered field is
/// its id with <see cref="FieldIds.InnerBit"/> or <see cref="FieldIds.QuotedBit"/> set.
/// </summary>
public enum FieldId : ushort
{
    None = 0,
    FrameTimeEpoch = 1,
    FrameLen = 2,
    FrameCapLen = 3,
    FrameInterfaceId = 4,
    FrameLinkType = 5,

    EthSrc = 10,
    EthDst = 11,
    EthType = 12,
    VlanId = 13,
    VlanCount = 14,
    MplsLabel = 15,

    IpSrc = 20,
    IpDst = 21,
    IpProto = 22,
    IpId = 23,
    IpLen = 24,
    IpTtl = 25,
    IpHdrLen = 26,
    IpFlagsMf = 27,
    IpFlagsDf = 28,
    IpFragOffset = 29,
    IpDsfield = 30,

    Ipv6Src = 40,
    Ipv6Dst = 41,
    Ipv6Nxt = 42,
    Ipv6Plen = 43,
    Ipv6Hlim = 44,
    Ipv6Flow = 45,

    UdpSrcPort = 50,
    UdpDstPort = 51,
    UdpLength = 52,

    TcpSrcPort = 60,
    TcpDstPort = 61,
    TcpSeq = 62,
    TcpAck = 63,
    TcpFlags = 64,
    TcpFlagsSyn = 65,
    TcpFlagsAck = 66,
    TcpFlagsFin = 67,
    TcpFlagsRst = 68,
    TcpFlagsPush = 69,
    TcpLen = 70,
    TcpHdrLen = 71,
    TcpWindowSizeValue = 72,
    TcpOptionMss = 73,
    TcpOptionWscaleShift = 74,
    TcpOptionSackPerm = 75,
    TcpOptionSackCount = 76,
    TcpOptionSackLeftEdge = 77,
    TcpOptionSackRightEdge = 78,
    TcpOptionTsval = 79,
    TcpOptionTsecr = 80,

    IcmpType = 90,
    IcmpCode = 91,
    Icmpv6Type = 92,
    Icmpv6Code = 93,

    ArpOpcode = 100,
    ArpSrcProtoIpv4 = 101,
    ArpDstProtoIpv4 = 102,
    ArpSrcHwMac = 103,
    ArpDstHwMac = 104,

    DnsId = 110,
    DnsFlagsResponse = 111,
    DnsFlagsOpcode = 112,
    DnsFlagsRcode = 113,
    DnsCountQueries = 114,
    DnsCountAnswers = 115,
    DnsQryName = 116,
    DnsQryType = 117,

    VxlanVni = 120,
    GeneveVni = 121,
    GreProto = 122,
    GreKey = 123,

    L4Payload = 130,

    VndPacketId = 140,
    VndPayloadHash = 141,
    VndFlowKey = 142,
    VndDecodeErrors = 143,
    VndTruncated = 144,
    VndTunnelDepth = 145,
}
