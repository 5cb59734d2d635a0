using System.Runtime.CompilerServices;
using Vnd.Capture.Decoding;

namespace Vnd.Capture.Fields;

/// <summary>Integer and boolean fields of one <see cref="HeaderLayer"/>; a field is present when its part is.</summary>
internal static unsafe class LayerFieldReader
{
    /// <summary>
    /// The reader of integer field <paramref name="id"/> (a base id, no layer bits), or null when it is not an
    /// integer field of a layer. Resolved once per column by <see cref="ResolvedInt64Field"/>, so the per-packet
    /// cost of a column is one indirect call instead of a dispatch on the field id; <see cref="FieldReader"/>
    /// dispatches through the same readers, so both agree by construction.
    /// </summary>
    internal static delegate*<in HeaderLayer, out long, bool> Int64Reader(FieldId id) => id switch
    {
        FieldId.EthType => &EthType,
        FieldId.VlanCount => &VlanCount,
        FieldId.VlanId => &VlanId,
        FieldId.MplsLabel => &MplsLabel,
        FieldId.IpProto => &IpProto,
        FieldId.IpId => &IpId,
        FieldId.IpLen => &IpLen,
        FieldId.IpTtl => &IpTtl,
        FieldId.IpHdrLen => &IpHdrLen,
        FieldId.IpFragOffset => &IpFragOffset,
        FieldId.IpDsfield => &IpDsfield,
        FieldId.Ipv6Nxt => &Ipv6Nxt,
        FieldId.Ipv6Plen => &Ipv6Plen,
        FieldId.Ipv6Hlim => &Ipv6Hlim,
        FieldId.Ipv6Flow => &Ipv6Flow,
        FieldId.UdpSrcPort => &UdpSrcPort,
        FieldId.UdpDstPort => &UdpDstPort,
        FieldId.UdpLength => &UdpLength,
        FieldId.TcpSrcPort => &TcpSrcPort,
        FieldId.TcpDstPort => &TcpDstPort,
        FieldId.TcpSeq => &TcpSeq,
        FieldId.TcpAck => &TcpAck,
        FieldId.TcpFlags => &TcpFlags,
        FieldId.TcpHdrLen => &TcpHdrLen,
        FieldId.TcpWindowSizeValue => &TcpWindowSizeValue,
        FieldId.TcpLen => &TcpLen,
        FieldId.TcpOptionMss => &TcpOptionMss,
        FieldId.TcpOptionWscaleShift => &TcpOptionWscaleShift,
        FieldId.TcpOptionSackCount => &TcpOptionSackCount,
        FieldId.TcpOptionSackLeftEdge => &TcpOptionSackLeftEdge,
        FieldId.TcpOptionSackRightEdge => &TcpOptionSackRightEdge,
        FieldId.TcpOptionTsval => &TcpOptionTsval,
        FieldId.TcpOptionTsecr => &TcpOptionTsecr,
        FieldId.IcmpType => &IcmpType,
        FieldId.IcmpCode => &IcmpCode,
        FieldId.Icmpv6Type => &Icmpv6Type,
        FieldId.Icmpv6Code => &Icmpv6Code,
        FieldId.ArpOpcode => &ArpOpcode,
        FieldId.DnsId => &DnsId,
        FieldId.DnsFlagsOpcode => &DnsFlagsOpcode,
        FieldId.DnsFlagsRcode => &DnsFlagsRcode,
        FieldId.DnsCountQueries => &DnsCountQueries,
        FieldId.DnsCountAnswers => &DnsCountAnswers,
        FieldId.DnsQryType => &DnsQryType,
        FieldId.VndPacketId => &DerivedFields.TryGetPacketId,
        _ => null,
    };

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
