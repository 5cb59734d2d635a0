using Vnd.Capture.Decoding;

namespace Vnd.Capture.Fields;

/// <summary>Integer and boolean fields of one <see cref="HeaderLayer"/>; a field is present when its part is.</summary>
internal static class LayerFieldReader
{
    internal static bool TryGetInt64(in HeaderLayer l, FieldId id, out long value)
    {
        var present = id switch
        {
            FieldId.EthType or FieldId.VlanCount => l.Has(LayerParts.Ethernet) || l.Has(LayerParts.Vlan),
            FieldId.VlanId => l.Has(LayerParts.Vlan),
            FieldId.MplsLabel => l.Has(LayerParts.Mpls),
            FieldId.IpProto or FieldId.IpId or FieldId.IpLen or FieldId.IpTtl or FieldId.IpHdrLen
                or FieldId.IpFragOffset or FieldId.IpDsfield => l.Has(LayerParts.Ipv4),
            FieldId.Ipv6Nxt or FieldId.Ipv6Plen or FieldId.Ipv6Hlim or FieldId.Ipv6Flow => l.Has(LayerParts.Ipv6),
            FieldId.UdpSrcPort or FieldId.UdpDstPort or FieldId.UdpLength => l.Has(LayerParts.Udp),
            FieldId.TcpSrcPort or FieldId.TcpDstPort or FieldId.TcpSeq => l.Has(LayerParts.Tcp | LayerParts.TcpPrefix),
            FieldId.TcpAck or FieldId.TcpFlags or FieldId.TcpHdrLen or FieldId.TcpWindowSizeValue => l.Has(LayerParts.Tcp),
            FieldId.TcpLen => l.Has(LayerParts.Tcp) && l.TcpPayloadLength >= 0,
            FieldId.TcpOptionMss => l.Has(LayerParts.TcpMss),
            FieldId.TcpOptionWscaleShift => l.Has(LayerParts.TcpWindowScale),
            FieldId.TcpOptionSackCount or FieldId.TcpOptionSackLeftEdge or FieldId.TcpOptionSackRightEdge => l.Has(LayerParts.TcpSack),
            FieldId.TcpOptionTsval or FieldId.TcpOptionTsecr => l.Has(LayerParts.TcpTimestamps),
            FieldId.IcmpType or FieldId.IcmpCode => l.Has(LayerParts.Icmp),
            FieldId.Icmpv6Type or FieldId.Icmpv6Code => l.Has(LayerParts.Icmpv6),
            FieldId.ArpOpcode => l.Has(LayerParts.Arp),
            FieldId.DnsId or FieldId.DnsFlagsOpcode or FieldId.DnsFlagsRcode or FieldId.DnsCountQueries
                or FieldId.DnsCountAnswers => l.Has(LayerParts.Dns),
            FieldId.DnsQryType => l.Has(LayerParts.DnsQuestion),
            _ => false,
        };
        value = present ? Read(in l, id) : 0;
        return present;
    }

    private static long Read(in HeaderLayer l, FieldId id) => id switch
    {
        FieldId.EthType => l.EthType,
        FieldId.VlanCount => l.VlanCount,
        FieldId.VlanId => l.VlanIds[0],
        FieldId.MplsLabel => l.MplsLabel,
        FieldId.IpProto => l.IpProto,
        FieldId.IpId => l.IpId,
        FieldId.IpLen => l.IpTotalLength,
        FieldId.IpTtl => l.IpTtl,
        FieldId.IpHdrLen => l.IpHeaderLength,
        FieldId.IpFragOffset => l.IpFragmentOffset,
        FieldId.IpDsfield => l.IpDsfield,
        FieldId.Ipv6Nxt => l.Ipv6NextHeader,
        FieldId.Ipv6Plen => l.Ipv6PayloadLength,
        FieldId.Ipv6Hlim => l.Ipv6HopLimit,
        FieldId.Ipv6Flow => l.Ipv6FlowLabel,
        FieldId.UdpSrcPort or FieldId.TcpSrcPort => l.SrcPort,
        FieldId.UdpDstPort or FieldId.TcpDstPort => l.DstPort,
        FieldId.UdpLength => l.UdpLength,
        FieldId.TcpSeq => l.TcpSeq,
        FieldId.TcpAck => l.TcpAck,
        FieldId.TcpFlags => l.TcpFlags,
        FieldId.TcpHdrLen => l.TcpHeaderLength,
        FieldId.TcpWindowSizeValue => l.TcpWindow,
        FieldId.TcpLen => l.TcpPayloadLength,
        FieldId.TcpOptionMss => l.TcpMss,
        FieldId.TcpOptionWscaleShift => l.TcpWindowScale,
        FieldId.TcpOptionSackCount => l.TcpSackCount,
        FieldId.TcpOptionSackLeftEdge => l.TcpSackLeft,
        FieldId.TcpOptionSackRightEdge => l.TcpSackRight,
        FieldId.TcpOptionTsval => l.TcpTsVal,
        FieldId.TcpOptionTsecr => l.TcpTsEcr,
        FieldId.IcmpType or FieldId.Icmpv6Type => l.IcmpType,
        FieldId.IcmpCode or FieldId.Icmpv6Code => l.IcmpCode,
        FieldId.ArpOpcode => l.ArpOpcode,
        FieldId.DnsId => l.DnsId,
        FieldId.DnsFlagsOpcode => (l.DnsFlags >> 11) & 0xF,
        FieldId.DnsFlagsRcode => l.DnsFlags & 0xF,
        FieldId.DnsCountQueries => l.DnsQuestionCount,
        FieldId.DnsCountAnswers => l.DnsAnswerCount,
        FieldId.DnsQryType => l.DnsQuestionType,
        _ => 0,
    };

    internal static bool TryGetBool(in HeaderLayer l, FieldId id, out bool value)
    {
        const ushort Fin = 0x01, Syn = 0x02, Rst = 0x04, Psh = 0x08, Ack = 0x10;
        var tcp = l.Has(LayerParts.Tcp);
        (value, var present) = id switch
        {
            FieldId.IpFlagsMf => (l.IpMoreFragments, l.Has(LayerParts.Ipv4)),
            FieldId.IpFlagsDf => (l.IpDontFragment, l.Has(LayerParts.Ipv4)),
            FieldId.TcpFlagsSyn => ((l.TcpFlags & Syn) != 0, tcp),
            FieldId.TcpFlagsAck => ((l.TcpFlags & Ack) != 0, tcp),
            FieldId.TcpFlagsFin => ((l.TcpFlags & Fin) != 0, tcp),
            FieldId.TcpFlagsRst => ((l.TcpFlags & Rst) != 0, tcp),
            FieldId.TcpFlagsPush => ((l.TcpFlags & Psh) != 0, tcp),
            // Present on every TCP header so "WHERE NOT tcp.options.sack_perm" finds SYNs without it.
            FieldId.TcpOptionSackPerm => (l.Has(LayerParts.TcpSackPermitted), tcp),
            FieldId.DnsFlagsResponse => ((l.DnsFlags & 0x8000) != 0, l.Has(LayerParts.Dns)),
            _ => (false, false),
        };
        return present;
    }
}
