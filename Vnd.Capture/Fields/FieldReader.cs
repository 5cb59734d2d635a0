using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Vnd.Capture.Decoding;

namespace Vnd.Capture.Fields;

/// <summary>
/// Typed, allocation-free extraction of field values from a decoded packet. Each method returns false when the
/// field is absent in this packet (SQL NULL) or is not of the method's <see cref="FieldKind"/>. Methods that may
/// need the packet bytes (payload, payload hash) take the same frame the packet was decoded from.
/// </summary>
public static class FieldReader
{
    /// <summary>Integer and timestamp (nanoseconds) fields.</summary>
    public static bool TryGetInt64(in DecodedPacket p, ReadOnlySpan<byte> frame, FieldId id, out long value)
    {
        // Layer fields are most of what is read: their jump table comes before the packet-level cases.
        var baseId = FieldIds.BaseOf(id);
        if (LayerFieldReader.TryGetInt64(in LayerOf(in p, id), baseId, out value))
            return true;
        switch (id)
        {
            case FieldId.FrameTimeEpoch:
                value = p.TimestampNanos;
                return true;
            case FieldId.FrameLen:
                value = p.FrameLength;
                return true;
            case FieldId.FrameCapLen:
                value = p.CapturedLength;
                return true;
            case FieldId.FrameInterfaceId:
                value = p.InterfaceId;
                return p.InterfaceId >= 0;
            case FieldId.FrameLinkType:
                value = p.LinkType;
                return true;
            case FieldId.VxlanVni:
                value = p.HasVxlan ? p.Vnis[0] : 0;
                return p.HasVxlan;
            case FieldId.VxlanVni | (FieldId)FieldIds.InnerBit:
                value = p.HasVxlan ? p.InnermostVni : 0;
                return p.HasVxlan;
            case FieldId.GeneveVni:
                value = p.GeneveVni;
                return p.HasGeneve;
            case FieldId.GreProto:
                value = p.GreProto;
                return p.HasGre;
            case FieldId.GreProto | (FieldId)FieldIds.InnerBit:
                value = p.GreProtoInnermost;
                return p.HasGre;
            case FieldId.GreKey:
                value = p.GreKey;
                return p.HasGreKey;
            case FieldId.VndFlowKey:
                return DerivedFields.TryGetFlowKey(in p, out value);
            case FieldId.VndDecodeErrors:
                value = (long)p.Errors;
                return true;
            case FieldId.VndTunnelDepth:
                value = p.TunnelDepth;
                return true;
        }
        // value is 0 here: an absent layer field and an unknown id read as 0.
        return baseId == FieldId.VndPayloadHash && DerivedFields.TryGetPayloadHash(in LayerOf(in p, id), frame, out value);
    }

    public static bool TryGetBool(in DecodedPacket p, FieldId id, out bool value)
    {
        if (id == FieldId.VndTruncated)
        {
            value = p.IsTruncated;
            return true;
        }
        return LayerFieldReader.TryGetBool(in LayerOf(in p, id), FieldIds.BaseOf(id), out value);
    }

    /// <summary>Writes a 4-byte (IPv4) or 16-byte (IPv6) address, network order, into <paramref name="dest16"/>.</summary>
    public static bool TryGetAddress(in DecodedPacket p, FieldId id, Span<byte> dest16, out int length)
    {
        if (TryGetIpv4(in p, id, out var v4))
        {
            BinaryPrimitives.WriteUInt32BigEndian(dest16, v4);
            length = 4;
            return true;
        }
        ref readonly var l = ref LayerOf(in p, id);
        switch (FieldIds.BaseOf(id))
        {
            case FieldId.Ipv6Src when l.Has(LayerParts.Ipv6):
                BinaryPrimitives.WriteUInt128BigEndian(dest16, l.Ipv6Src);
                length = 16;
                return true;
            case FieldId.Ipv6Dst when l.Has(LayerParts.Ipv6):
                BinaryPrimitives.WriteUInt128BigEndian(dest16, l.Ipv6Dst);
                length = 16;
                return true;
            default:
                length = 0;
                return false;
        }
    }

    /// <summary>
    /// An IPv4 address field as a number (first wire byte most significant); false for absent and IPv6 fields.
    /// IPv4-only columns store this number as is, without a detour through bytes.
    /// </summary>
    public static bool TryGetIpv4(in DecodedPacket p, FieldId id, out uint address)
    {
        ref readonly var l = ref LayerOf(in p, id);
        (address, var present) = FieldIds.BaseOf(id) switch
        {
            FieldId.IpSrc => (l.Ipv4Src, l.Has(LayerParts.Ipv4)),
            FieldId.IpDst => (l.Ipv4Dst, l.Has(LayerParts.Ipv4)),
            FieldId.ArpSrcProtoIpv4 => (l.ArpSenderIp, l.Has(LayerParts.ArpAddresses)),
            FieldId.ArpDstProtoIpv4 => (l.ArpTargetIp, l.Has(LayerParts.ArpAddresses)),
            _ => (0U, false),
        };
        if (!present)
            address = 0;
        return present;
    }

    /// <summary>A MAC address in the low 48 bits, first wire byte most significant.</summary>
    public static bool TryGetMac(in DecodedPacket p, FieldId id, out ulong mac48)
    {
        ref readonly var l = ref LayerOf(in p, id);
        (mac48, var present) = FieldIds.BaseOf(id) switch
        {
            FieldId.EthSrc => (l.EthSrc, l.Has(LayerParts.Ethernet)),
            FieldId.EthDst => (l.EthDst, l.Has(LayerParts.Ethernet)),
            FieldId.ArpSrcHwMac => (l.ArpSenderMac, l.Has(LayerParts.ArpAddresses)),
            FieldId.ArpDstHwMac => (l.ArpTargetMac, l.Has(LayerParts.ArpAddresses)),
            _ => (0UL, false),
        };
        return present;
    }

    /// <summary>UTF-8 text that stays valid until the packet is decoded again.</summary>
    public static bool TryGetText(in DecodedPacket p, FieldId id, out ReadOnlySpan<byte> utf8)
    {
        ref readonly var l = ref LayerOf(in p, id);
        if (FieldIds.BaseOf(id) == FieldId.DnsQryName && l.Has(LayerParts.DnsQuestion))
        {
            utf8 = p.NameBuffer.Slice(l.DnsNameStart, l.DnsNameLength);
            return true;
        }
        utf8 = default;
        return false;
    }

    /// <summary>Bytes of <paramref name="frame"/> (the frame the packet was decoded from).</summary>
    public static bool TryGetBytes(in DecodedPacket p, ReadOnlySpan<byte> frame, FieldId id, out ReadOnlySpan<byte> bytes)
    {
        ref readonly var l = ref LayerOf(in p, id);
        if (FieldIds.BaseOf(id) == FieldId.L4Payload && DerivedFields.TryGetPayload(in l, frame, out bytes))
            return true;
        bytes = default;
        return false;
    }

    /// <summary>The layer a field reads (<see cref="FieldIds.LayerOf"/>), for readers resolved ahead of time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ref readonly HeaderLayer Layer(in DecodedPacket p, LayerRole role)
    {
        if (role == LayerRole.Outer)
            return ref p.Outer;
        return ref role == LayerRole.Inner ? ref p.Inner : ref p.Quoted;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref readonly HeaderLayer LayerOf(in DecodedPacket p, FieldId id)
    {
        var bits = (ushort)id;
        if ((bits & FieldIds.InnerBit) != 0)
            return ref p.Inner;
        if ((bits & FieldIds.QuotedBit) != 0)
            return ref p.Quoted;
        return ref p.Outer;
    }
}
