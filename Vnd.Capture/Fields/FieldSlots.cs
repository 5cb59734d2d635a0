using System.Runtime.CompilerServices;
using Vnd.Capture.Decoding;

namespace Vnd.Capture.Fields;

/// <summary>
/// The <see cref="FieldSlot"/>s of integer and IPv4 fields that are a plain stored value (the fields of
/// <see cref="LayerFieldReader"/> written as <c>Value(l.Has(parts), l.Field)</c>, and frame-level numbers).
/// Offsets are taken from the running type's layout (both structs are <c>LayoutKind.Auto</c>), once per planned
/// column. Fields with a computation (DNS flag bits, flow keys, payload hashes) have no slot and keep the general
/// reader.
/// </summary>
internal static class FieldSlots
{
    /// <summary>The slot of integer field <paramref name="id"/> (with its layer bits), if it has one.</summary>
    public static FieldSlot Integer(FieldId id)
    {
        var baseId = FieldIds.BaseOf(id);
        if (baseId == id)
        {
            var packetSlot = PacketLevel(id);
            if (packetSlot.Exists)
                return packetSlot;
        }
        var l = new HeaderLayer();
        const LayerParts AnyTcp = LayerParts.Tcp | LayerParts.TcpPrefix;
        return baseId switch
        {
            FieldId.EthType => At(SlotLoad.UInt16, LayerParts.Ethernet | LayerParts.Vlan, ref l, ref l.EthType),
            FieldId.VlanCount => At(SlotLoad.Byte, LayerParts.Ethernet | LayerParts.Vlan, ref l, ref l.VlanCount),
            FieldId.VlanId => At(SlotLoad.UInt16, LayerParts.Vlan, ref l, ref l.VlanIds[0]),
            FieldId.MplsLabel => At(SlotLoad.UInt32, LayerParts.Mpls, ref l, ref l.MplsLabel),
            FieldId.IpProto => At(SlotLoad.Byte, LayerParts.Ipv4, ref l, ref l.IpProto),
            FieldId.IpId => At(SlotLoad.UInt16, LayerParts.Ipv4, ref l, ref l.IpId),
            FieldId.IpLen => At(SlotLoad.Int32, LayerParts.Ipv4, ref l, ref l.IpTotalLength),
            FieldId.IpTtl => At(SlotLoad.Byte, LayerParts.Ipv4, ref l, ref l.IpTtl),
            FieldId.IpHdrLen => At(SlotLoad.Byte, LayerParts.Ipv4, ref l, ref l.IpHeaderLength),
            FieldId.IpFragOffset => At(SlotLoad.UInt16, LayerParts.Ipv4, ref l, ref l.IpFragmentOffset),
            FieldId.IpDsfield => At(SlotLoad.Byte, LayerParts.Ipv4, ref l, ref l.IpDsfield),
            FieldId.Ipv6Nxt => At(SlotLoad.Byte, LayerParts.Ipv6, ref l, ref l.Ipv6NextHeader),
            FieldId.Ipv6Plen => At(SlotLoad.Int32, LayerParts.Ipv6, ref l, ref l.Ipv6PayloadLength),
            FieldId.Ipv6Hlim => At(SlotLoad.Byte, LayerParts.Ipv6, ref l, ref l.Ipv6HopLimit),
            FieldId.Ipv6Flow => At(SlotLoad.UInt32, LayerParts.Ipv6, ref l, ref l.Ipv6FlowLabel),
            FieldId.UdpSrcPort => At(SlotLoad.UInt16, LayerParts.Udp, ref l, ref l.SrcPort),
            FieldId.UdpDstPort => At(SlotLoad.UInt16, LayerParts.Udp, ref l, ref l.DstPort),
            FieldId.UdpLength => At(SlotLoad.UInt16, LayerParts.Udp, ref l, ref l.UdpLength),
            FieldId.TcpSrcPort => At(SlotLoad.UInt16, AnyTcp, ref l, ref l.SrcPort),
            FieldId.TcpDstPort => At(SlotLoad.UInt16, AnyTcp, ref l, ref l.DstPort),
            FieldId.TcpSeq => At(SlotLoad.UInt32, AnyTcp, ref l, ref l.TcpSeq),
            FieldId.TcpAck => At(SlotLoad.UInt32, LayerParts.Tcp, ref l, ref l.TcpAck),
            FieldId.TcpFlags => At(SlotLoad.UInt16, LayerParts.Tcp, ref l, ref l.TcpFlags),
            FieldId.TcpHdrLen => At(SlotLoad.Byte, LayerParts.Tcp, ref l, ref l.TcpHeaderLength),
            FieldId.TcpWindowSizeValue => At(SlotLoad.UInt16, LayerParts.Tcp, ref l, ref l.TcpWindow),
            FieldId.TcpLen => At(SlotLoad.NonNegativeInt32, LayerParts.Tcp, ref l, ref l.TcpPayloadLength),
            FieldId.TcpOptionMss => At(SlotLoad.UInt16, LayerParts.TcpMss, ref l, ref l.TcpMss),
            FieldId.TcpOptionWscaleShift => At(SlotLoad.Byte, LayerParts.TcpWindowScale, ref l, ref l.TcpWindowScale),
            FieldId.TcpOptionSackCount => At(SlotLoad.Byte, LayerParts.TcpSack, ref l, ref l.TcpSackCount),
            FieldId.TcpOptionSackLeftEdge => At(SlotLoad.UInt32, LayerParts.TcpSack, ref l, ref l.TcpSackLeft),
            FieldId.TcpOptionSackRightEdge => At(SlotLoad.UInt32, LayerParts.TcpSack, ref l, ref l.TcpSackRight),
            FieldId.TcpOptionTsval => At(SlotLoad.UInt32, LayerParts.TcpTimestamps, ref l, ref l.TcpTsVal),
            FieldId.TcpOptionTsecr => At(SlotLoad.UInt32, LayerParts.TcpTimestamps, ref l, ref l.TcpTsEcr),
            FieldId.IcmpType => At(SlotLoad.Byte, LayerParts.Icmp, ref l, ref l.IcmpType),
            FieldId.IcmpCode => At(SlotLoad.Byte, LayerParts.Icmp, ref l, ref l.IcmpCode),
            FieldId.Icmpv6Type => At(SlotLoad.Byte, LayerParts.Icmpv6, ref l, ref l.IcmpType),
            FieldId.Icmpv6Code => At(SlotLoad.Byte, LayerParts.Icmpv6, ref l, ref l.IcmpCode),
            FieldId.ArpOpcode => At(SlotLoad.UInt16, LayerParts.Arp, ref l, ref l.ArpOpcode),
            FieldId.DnsId => At(SlotLoad.UInt16, LayerParts.Dns, ref l, ref l.DnsId),
            FieldId.DnsCountQueries => At(SlotLoad.UInt16, LayerParts.Dns, ref l, ref l.DnsQuestionCount),
            FieldId.DnsCountAnswers => At(SlotLoad.UInt16, LayerParts.Dns, ref l, ref l.DnsAnswerCount),
            FieldId.DnsQryType => At(SlotLoad.UInt16, LayerParts.DnsQuestion, ref l, ref l.DnsQuestionType),
            FieldId.VndPacketId => new FieldSlot(SlotLoad.PacketId, LayerParts.None, 0, onPacket: false),
            _ => default,
        };
    }

    /// <summary>The slot of IPv4 address field <paramref name="id"/> (the number <see cref="FieldReader.TryGetIpv4"/> gives).</summary>
    public static FieldSlot Ipv4(FieldId id)
    {
        var l = new HeaderLayer();
        return FieldIds.BaseOf(id) switch
        {
            FieldId.IpSrc => At(SlotLoad.UInt32, LayerParts.Ipv4, ref l, ref l.Ipv4Src),
            FieldId.IpDst => At(SlotLoad.UInt32, LayerParts.Ipv4, ref l, ref l.Ipv4Dst),
            FieldId.ArpSrcProtoIpv4 => At(SlotLoad.UInt32, LayerParts.ArpAddresses, ref l, ref l.ArpSenderIp),
            FieldId.ArpDstProtoIpv4 => At(SlotLoad.UInt32, LayerParts.ArpAddresses, ref l, ref l.ArpTargetIp),
            _ => default,
        };
    }

    private static FieldSlot PacketLevel(FieldId id)
    {
        var p = new DecodedPacket();
        return id switch
        {
            FieldId.FrameTimeEpoch => On(SlotLoad.Int64, ref p, ref p.TimestampNanos),
            FieldId.FrameLen => On(SlotLoad.Int32, ref p, ref p.FrameLength),
            FieldId.FrameCapLen => On(SlotLoad.Int32, ref p, ref p.CapturedLength),
            FieldId.FrameInterfaceId => On(SlotLoad.NonNegativeInt32, ref p, ref p.InterfaceId),
            FieldId.FrameLinkType => On(SlotLoad.UInt16, ref p, ref p.LinkType),
            FieldId.VndTunnelDepth => On(SlotLoad.Byte, ref p, ref p.TunnelDepth),
            _ => default,
        };
    }

    private static FieldSlot At<T>(SlotLoad load, LayerParts parts, ref HeaderLayer layer, ref T field) =>
        new(Checked<T>(load), parts, (int)Unsafe.ByteOffset(ref Unsafe.As<HeaderLayer, byte>(ref layer), ref Unsafe.As<T, byte>(ref field)), onPacket: false);

    private static FieldSlot On<T>(SlotLoad load, ref DecodedPacket packet, ref T field) =>
        new(Checked<T>(load), LayerParts.None, (int)Unsafe.ByteOffset(ref Unsafe.As<DecodedPacket, byte>(ref packet), ref Unsafe.As<T, byte>(ref field)), onPacket: true);

    /// <summary>A load must read exactly the stored type; a mismatch is a defect of this table.</summary>
    private static SlotLoad Checked<T>(SlotLoad load)
    {
        var expected = load switch
        {
            SlotLoad.Byte => typeof(byte),
            SlotLoad.UInt16 => typeof(ushort),
            SlotLoad.UInt32 => typeof(uint),
            SlotLoad.Int32 or SlotLoad.NonNegativeInt32 => typeof(int),
            _ => typeof(long),
        };
        return typeof(T) == expected ? load : throw new InvalidOperationException($"slot load {load} does not read a {typeof(T).Name}");
    }
}
