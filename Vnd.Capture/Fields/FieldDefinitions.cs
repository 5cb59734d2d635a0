using Vnd.Planner.Types;

namespace Vnd.Capture.Fields;

/// <summary>The field table: names follow tshark so queries and ground truth read the same.</summary>
internal static class FieldDefinitions
{
    private const FieldKind I = FieldKind.Integer;
    private const FieldKind B = FieldKind.Boolean;
    private const FieldKind A = FieldKind.Address;
    private const FieldKind M = FieldKind.Mac;
    private const FieldLayers L = FieldLayers.All;
    private const FieldLayers P = FieldLayers.Packet;

    internal static FieldDefinition[] Build() =>
    [
        new(FieldId.FrameTimeEpoch, "frame.time_epoch", SqlType.TimestampTz, FieldKind.Timestamp, P, "capture time"),
        new(FieldId.FrameLen, "frame.len", SqlType.Int4, I, P, "length on the wire"),
        new(FieldId.FrameCapLen, "frame.cap_len", SqlType.Int4, I, P, "bytes captured"),
        new(FieldId.FrameInterfaceId, "frame.interface_id", SqlType.Int4, I, P, "pcapng interface (absent for pcap)"),
        new(FieldId.FrameLinkType, "frame.link_type", SqlType.Int4, I, P, "LINKTYPE_ value of the frame"),

        new(FieldId.EthSrc, "eth.src", SqlType.MacAddr, M, L, "Ethernet source"),
        new(FieldId.EthDst, "eth.dst", SqlType.MacAddr, M, L, "Ethernet destination"),
        new(FieldId.EthType, "eth.type", SqlType.Int4, I, L, "EtherType of the payload, after VLAN tags"),
        new(FieldId.VlanId, "vlan.id", SqlType.Int4, I, L, "outermost VLAN id"),
        new(FieldId.VlanCount, "vlan.count", SqlType.Int2, I, L, "number of VLAN tags (0 when untagged)"),
        new(FieldId.MplsLabel, "mpls.label", SqlType.Int4, I, L, "top MPLS label"),

        new(FieldId.IpSrc, "ip.src", SqlType.Inet4, A, L, "IPv4 source"),
        new(FieldId.IpDst, "ip.dst", SqlType.Inet4, A, L, "IPv4 destination"),
        new(FieldId.IpProto, "ip.proto", SqlType.Int2, I, L, "IPv4 protocol"),
        new(FieldId.IpId, "ip.id", SqlType.Int4, I, L, "IPv4 identification"),
        new(FieldId.IpLen, "ip.len", SqlType.Int4, I, L, "IPv4 total length (frame-derived when the header says 0)"),
        new(FieldId.IpTtl, "ip.ttl", SqlType.Int2, I, L, "time to live"),
        new(FieldId.IpHdrLen, "ip.hdr_len", SqlType.Int2, I, L, "IPv4 header length in bytes"),
        new(FieldId.IpFlagsMf, "ip.flags.mf", SqlType.Bool, B, L, "more fragments"),
        new(FieldId.IpFlagsDf, "ip.flags.df", SqlType.Bool, B, L, "don't fragment"),
        new(FieldId.IpFragOffset, "ip.frag_offset", SqlType.Int4, I, L, "fragment offset in 8-byte units"),
        new(FieldId.IpDsfield, "ip.dsfield", SqlType.Int2, I, L, "DSCP and ECN byte"),

        new(FieldId.Ipv6Src, "ipv6.src", SqlType.Inet6, A, L, "IPv6 source"),
        new(FieldId.Ipv6Dst, "ipv6.dst", SqlType.Inet6, A, L, "IPv6 destination"),
        new(FieldId.Ipv6Nxt, "ipv6.nxt", SqlType.Int2, I, L, "next header of the fixed header"),
        new(FieldId.Ipv6Plen, "ipv6.plen", SqlType.Int4, I, L, "payload length field"),
        new(FieldId.Ipv6Hlim, "ipv6.hlim", SqlType.Int2, I, L, "hop limit"),
        new(FieldId.Ipv6Flow, "ipv6.flow", SqlType.Int4, I, L, "flow label"),

        new(FieldId.UdpSrcPort, "udp.srcport", SqlType.Int4, I, L, "UDP source port"),
        new(FieldId.UdpDstPort, "udp.dstport", SqlType.Int4, I, L, "UDP destination port"),
        new(FieldId.UdpLength, "udp.length", SqlType.Int4, I, L, "UDP length field"),

        new(FieldId.TcpSrcPort, "tcp.srcport", SqlType.Int4, I, L, "TCP source port"),
        new(FieldId.TcpDstPort, "tcp.dstport", SqlType.Int4, I, L, "TCP destination port"),
        new(FieldId.TcpSeq, "tcp.seq", SqlType.Int8, I, L, "absolute sequence number (tshark's tcp.seq_raw)"),
        new(FieldId.TcpAck, "tcp.ack", SqlType.Int8, I, L, "absolute acknowledgement number (tshark's tcp.ack_raw)"),
        new(FieldId.TcpFlags, "tcp.flags", SqlType.Int4, I, L, "12 flag bits"),
        new(FieldId.TcpFlagsSyn, "tcp.flags.syn", SqlType.Bool, B, L, "SYN"),
        new(FieldId.TcpFlagsAck, "tcp.flags.ack", SqlType.Bool, B, L, "ACK"),
        new(FieldId.TcpFlagsFin, "tcp.flags.fin", SqlType.Bool, B, L, "FIN"),
        new(FieldId.TcpFlagsRst, "tcp.flags.reset", SqlType.Bool, B, L, "RST"),
        new(FieldId.TcpFlagsPush, "tcp.flags.push", SqlType.Bool, B, L, "PSH"),
        new(FieldId.TcpLen, "tcp.len", SqlType.Int4, I, L, "payload length from the IP length fields"),
        new(FieldId.TcpHdrLen, "tcp.hdr_len", SqlType.Int2, I, L, "TCP header length in bytes"),
        new(FieldId.TcpWindowSizeValue, "tcp.window_size_value", SqlType.Int4, I, L, "window field, unscaled"),
        new(FieldId.TcpOptionMss, "tcp.options.mss_val", SqlType.Int4, I, L, "MSS option"),
        new(FieldId.TcpOptionWscaleShift, "tcp.options.wscale.shift", SqlType.Int2, I, L, "window scale option"),
        new(FieldId.TcpOptionSackPerm, "tcp.options.sack_perm", SqlType.Bool, B, L, "SACK-permitted option present"),
        new(FieldId.TcpOptionSackCount, "tcp.options.sack.count", SqlType.Int2, I, L, "number of SACK blocks (up to 4)"),
        new(FieldId.TcpOptionSackLeftEdge, "tcp.options.sack_le", SqlType.Int8, I, L, "left edge of the first SACK block"),
        new(FieldId.TcpOptionSackRightEdge, "tcp.options.sack_re", SqlType.Int8, I, L, "right edge of the first SACK block"),
        new(FieldId.TcpOptionTsval, "tcp.options.timestamp.tsval", SqlType.Int8, I, L, "timestamp value"),
        new(FieldId.TcpOptionTsecr, "tcp.options.timestamp.tsecr", SqlType.Int8, I, L, "timestamp echo reply"),

        new(FieldId.IcmpType, "icmp.type", SqlType.Int2, I, L, "ICMP type"),
        new(FieldId.IcmpCode, "icmp.code", SqlType.Int2, I, L, "ICMP code"),
        new(FieldId.Icmpv6Type, "icmpv6.type", SqlType.Int2, I, L, "ICMPv6 type"),
        new(FieldId.Icmpv6Code, "icmpv6.code", SqlType.Int2, I, L, "ICMPv6 code"),

        new(FieldId.ArpOpcode, "arp.opcode", SqlType.Int2, I, L, "ARP operation"),
        new(FieldId.ArpSrcProtoIpv4, "arp.src.proto_ipv4", SqlType.Inet4, A, L, "sender IPv4"),
        new(FieldId.ArpDstProtoIpv4, "arp.dst.proto_ipv4", SqlType.Inet4, A, L, "target IPv4"),
        new(FieldId.ArpSrcHwMac, "arp.src.hw_mac", SqlType.MacAddr, M, L, "sender MAC"),
        new(FieldId.ArpDstHwMac, "arp.dst.hw_mac", SqlType.MacAddr, M, L, "target MAC"),

        new(FieldId.DnsId, "dns.id", SqlType.Int4, I, L, "DNS transaction id"),
        new(FieldId.DnsFlagsResponse, "dns.flags.response", SqlType.Bool, B, L, "QR: message is a response"),
        new(FieldId.DnsFlagsOpcode, "dns.flags.opcode", SqlType.Int2, I, L, "DNS opcode"),
        new(FieldId.DnsFlagsRcode, "dns.flags.rcode", SqlType.Int2, I, L, "DNS response code"),
        new(FieldId.DnsCountQueries, "dns.count.queries", SqlType.Int4, I, L, "question count"),
        new(FieldId.DnsCountAnswers, "dns.count.answers", SqlType.Int4, I, L, "answer count"),
        new(FieldId.DnsQryName, "dns.qry.name", SqlType.Text, FieldKind.Text, L, "first question name"),
        new(FieldId.DnsQryType, "dns.qry.type", SqlType.Int4, I, L, "first question type"),

        new(FieldId.VxlanVni, "vxlan.vni", SqlType.Int4, I, FieldLayers.Inner, "outermost VXLAN VNI (inner.vxlan.vni: innermost)"),
        new(FieldId.GeneveVni, "geneve.vni", SqlType.Int4, I, P, "outermost Geneve VNI"),
        new(FieldId.GreProto, "gre.proto", SqlType.Int4, I, FieldLayers.Inner, "outermost GRE protocol type (inner.gre.proto: innermost)"),
        new(FieldId.GreKey, "gre.key", SqlType.Int8, I, P, "outermost GRE key"),

        new(FieldId.L4Payload, "l4.payload", SqlType.Bytea, FieldKind.Bytes, L, "captured transport payload"),

        new(FieldId.VndPacketId, "vnd.packet_id", SqlType.Int8, I, L,
            "ip.id + (tcp.seq << 16); IPv4 non-TCP: ip.id; IPv6: fragment id low 16 bits (else 0) + (tcp.seq << 16); absent otherwise"),
        new(FieldId.VndPayloadHash, "vnd.payload_hash", SqlType.Int8, I, L, "XxHash3 of the captured L4 payload"),
        new(FieldId.VndFlowKey, "vnd.flow_key", SqlType.Int8, I, P,
            "direction-independent hash of the tenant 5-tuple (innermost tunnel frame) with VNI/GRE key and VLAN ids"),
        new(FieldId.VndDecodeErrors, "vnd.decode_errors", SqlType.Int8, I, P, "bit set of DecodeErrorKind"),
        new(FieldId.VndTruncated, "vnd.truncated", SqlType.Bool, B, P, "bytes missing from the capture or a header cut short"),
        new(FieldId.VndTunnelDepth, "vnd.tunnel_depth", SqlType.Int2, I, P, "number of encapsulations"),
    ];

    /// <summary>Alternative names: the paper's short names (Fig. 7b) and tshark's raw sequence names.</summary>
    internal static (string Alias, FieldId Id)[] Aliases() =>
    [
        ("timestamp", FieldId.FrameTimeEpoch),
        ("tcp.seq_raw", FieldId.TcpSeq),
        ("tcp.ack_raw", FieldId.TcpAck),
        ("tcp.src", FieldId.TcpSrcPort),
        ("tcp.dst", FieldId.TcpDstPort),
        ("udp.src", FieldId.UdpSrcPort),
        ("udp.dst", FieldId.UdpDstPort),
        ("tcp.flags.rst", FieldId.TcpFlagsRst),
        ("tcp.flags.psh", FieldId.TcpFlagsPush),
    ];
}
