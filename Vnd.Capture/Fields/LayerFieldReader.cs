using System.Runtime.CompilerServices;
using Vnd.Capture.Decoding;

namespace Vnd.Capture.Fields;

/// <summary>Integer and boolean fields of one <see cref="HeaderLayer"/>; a field is present when its part is.</summary>
internal static class LayerFieldReader
{
    /// <summary>
    /// Integer field <paramref name="id"/> (a base id, no layer bits) of layer <paramref name="l"/>; false when the
    /// layer lacks it or it is not an integer field of a layer. One jump table straight to the field's reader,
    /// which the JIT inlines: the general <see cref="FieldReader"/> and the readers columns resolve ahead of time
    /// (<see cref="ResolvedInt64Field"/>) both come here, so they agree by construction.
    /// </summary>
    internal static bool TryGetInt64(in HeaderLayer l, FieldId id, out long value)
    {
        switch (id)
        {
            case FieldId.EthType:
                return EthType(in l, out value);
            case FieldId.VlanCount:
                return VlanCount(in l, out value);
            case FieldId.VlanId:
                return VlanId(in l, out value);
            case FieldId.MplsLabel:
                return MplsLabel(in l, out value);
            case FieldId.IpProto:
                return IpProto(in l, out value);
            case FieldId.IpId:
                return IpId(in l, out value);
            case FieldId.IpLen:
                return IpLen(in l, out value);
            case FieldId.IpTtl:
                return IpTtl(in l, out value);
            case FieldId.IpHdrLen:
                return IpHdrLen(in l, out value);
            case FieldId.IpFragOffset:
                return IpFragOffset(in l, out value);
            case FieldId.IpDsfield:
                return IpDsfield(in l, out value);
            case FieldId.Ipv6Nxt:
                return Ipv6Nxt(in l, out value);
            case FieldId.Ipv6Plen:
                return Ipv6Plen(in l, out value);
            case FieldId.Ipv6Hlim:
                return Ipv6Hlim(in l, out value);
            case FieldId.Ipv6Flow:
                return Ipv6Flow(in l, out value);
            case FieldId.UdpSrcPort:
                return UdpSrcPort(in l, out value);
            case FieldId.UdpDstPort:
                return UdpDstPort(in l, out value);
            case FieldId.UdpLength:
                return UdpLength(in l, out value);
            case FieldId.TcpSrcPort:
                return TcpSrcPort(in l, out value);
            case FieldId.TcpDstPort:
                return TcpDstPort(in l, out value);
            case FieldId.TcpSeq:
                return TcpSeq(in l, out value);
            case FieldId.TcpAck:
                return TcpAck(in l, out value);
            case FieldId.TcpFlags:
                return TcpFlags(in l, out value);
            case FieldId.TcpHdrLen:
                return TcpHdrLen(in l, out value);
            case FieldId.TcpWindowSizeValue:
                return TcpWindowSizeValue(in l, out value);
            case FieldId.TcpLen:
                return TcpLen(in l, out value);
            case FieldId.TcpOptionMss:
                return TcpOptionMss(in l, out value);
            case FieldId.TcpOptionWscaleShift:
                return TcpOptionWscaleShift(in l, out value);
            case FieldId.TcpOptionSackCount:
                return TcpOptionSackCount(in l, out value);
            case FieldId.TcpOptionSackLeftEdge:
                return TcpOptionSackLeftEdge(in l, out value);
            case FieldId.TcpOptionSackRightEdge:
                return TcpOptionSackRightEdge(in l, out value);
            case FieldId.TcpOptionTsval:
                return TcpOptionTsval(in l, out value);
            case FieldId.TcpOptionTsecr:
                return TcpOptionTsecr(in l, out value);
            case FieldId.IcmpType:
                return IcmpType(in l, out value);
            case FieldId.IcmpCode:
                return IcmpCode(in l, out value);
            case FieldId.Icmpv6Type:
                return Icmpv6Type(in l, out value);
            case FieldId.Icmpv6Code:
                return Icmpv6Code(in l, out value);
            case FieldId.ArpOpcode:
                return ArpOpcode(in l, out value);
            case FieldId.DnsId:
                return DnsId(in l, out value);
            case FieldId.DnsFlagsOpcode:
                return DnsFlagsOpcode(in l, out value);
            case FieldId.DnsFlagsRcode:
                return DnsFlagsRcode(in l, out value);
            case FieldId.DnsCountQueries:
                return DnsCountQueries(in l, out value);
            case FieldId.DnsCountAnswers:
                return DnsCountAnswers(in l, out value);
            case FieldId.DnsQryType:
                return DnsQryType(in l, out value);
            case FieldId.VndPacketId:
                return DerivedFields.TryGetPacketId(in l, out value);
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>Whether <paramref name="id"/> (a base id) is an integer field of a layer.</summary>
    internal static bool IsInt64Field(FieldId id) => TryGetInt64(in EveryPart, id, out _);

    /// <summary>A layer with every part present, so that reading it answers whether a field is a layer field at all.</summary>
    private static readonly HeaderLayer EveryPart = new() { Parts = (LayerParts)uint.MaxValue };

    /// <summary>A field's value when its header is present, else 0 (absent values are stale and never read).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Value(bool present, long field, out long value)
    {
        value = present ? field : 0;
        return present;
    }

    private static bool EthType(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Ethernet) || l.Has(LayerParts.Vlan), l.EthType, out value);

    private static bool VlanCount(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Ethernet) || l.Has(LayerParts.Vlan), l.VlanCount, out value);

    private static bool VlanId(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Vlan), l.VlanIds[0], out value);

    private static bool MplsLabel(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Mpls), l.MplsLabel, out value);

    private static bool IpProto(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Ipv4), l.IpProto, out value);

    private static bool IpId(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Ipv4), l.IpId, out value);

    private static bool IpLen(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Ipv4), l.IpTotalLength, out value);

    private static bool IpTtl(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Ipv4), l.IpTtl, out value);

    private static bool IpHdrLen(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Ipv4), l.IpHeaderLength, out value);

    private static bool IpFragOffset(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Ipv4), l.IpFragmentOffset, out value);

    private static bool IpDsfield(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Ipv4), l.IpDsfield, out value);

    private static bool Ipv6Nxt(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Ipv6), l.Ipv6NextHeader, out value);

    private static bool Ipv6Plen(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Ipv6), l.Ipv6PayloadLength, out value);

    private static bool Ipv6Hlim(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Ipv6), l.Ipv6HopLimit, out value);

    private static bool Ipv6Flow(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Ipv6), l.Ipv6FlowLabel, out value);

    private static bool UdpSrcPort(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Udp), l.SrcPort, out value);

    private static bool UdpDstPort(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Udp), l.DstPort, out value);

    private static bool UdpLength(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Udp), l.UdpLength, out value);

    private static bool TcpSrcPort(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Tcp | LayerParts.TcpPrefix), l.SrcPort, out value);

    private static bool TcpDstPort(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Tcp | LayerParts.TcpPrefix), l.DstPort, out value);

    private static bool TcpSeq(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Tcp | LayerParts.TcpPrefix), l.TcpSeq, out value);

    private static bool TcpAck(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Tcp), l.TcpAck, out value);

    private static bool TcpFlags(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Tcp), l.TcpFlags, out value);

    private static bool TcpHdrLen(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Tcp), l.TcpHeaderLength, out value);

    private static bool TcpWindowSizeValue(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Tcp), l.TcpWindow, out value);

    private static bool TcpLen(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Tcp) && l.TcpPayloadLength >= 0, l.TcpPayloadLength, out value);

    private static bool TcpOptionMss(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.TcpMss), l.TcpMss, out value);

    private static bool TcpOptionWscaleShift(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.TcpWindowScale), l.TcpWindowScale, out value);

    private static bool TcpOptionSackCount(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.TcpSack), l.TcpSackCount, out value);

    private static bool TcpOptionSackLeftEdge(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.TcpSack), l.TcpSackLeft, out value);

    private static bool TcpOptionSackRightEdge(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.TcpSack), l.TcpSackRight, out value);

    private static bool TcpOptionTsval(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.TcpTimestamps), l.TcpTsVal, out value);

    private static bool TcpOptionTsecr(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.TcpTimestamps), l.TcpTsEcr, out value);

    private static bool IcmpType(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Icmp), l.IcmpType, out value);

    private static bool IcmpCode(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Icmp), l.IcmpCode, out value);

    private static bool Icmpv6Type(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Icmpv6), l.IcmpType, out value);

    private static bool Icmpv6Code(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Icmpv6), l.IcmpCode, out value);

    private static bool ArpOpcode(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Arp), l.ArpOpcode, out value);

    private static bool DnsId(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Dns), l.DnsId, out value);

    private static bool DnsFlagsOpcode(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Dns), (l.DnsFlags >> 11) & 0xF, out value);

    private static bool DnsFlagsRcode(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Dns), l.DnsFlags & 0xF, out value);

    private static bool DnsCountQueries(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Dns), l.DnsQuestionCount, out value);

    private static bool DnsCountAnswers(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.Dns), l.DnsAnswerCount, out value);

    private static bool DnsQryType(in HeaderLayer l, out long value) => Value(l.Has(LayerParts.DnsQuestion), l.DnsQuestionType, out value);

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
