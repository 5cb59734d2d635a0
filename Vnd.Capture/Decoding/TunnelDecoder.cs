using System.Buffers.Binary;

namespace Vnd.Capture.Decoding;

/// <summary>
/// Encapsulations: VXLAN, Geneve, GRE (with keys, TEB, PPTP's enhanced GRE), ERSPAN I/II and IP-in-IP. The
/// encapsulated frame is decoded into <see cref="DecodedPacket.Inner"/>; a tunnel inside a tunnel overwrites it,
/// so Inner is always the innermost frame, while the VNIs of every VXLAN level are kept.
/// </summary>
internal static class TunnelDecoder
{
    private const ushort TransparentEthernetBridging = 0x6558;
    private const ushort ErspanTypeII = 0x88BE;
    private const ushort PptpPpp = 0x880B;
    private const ushort CiscoMetaData = 0x8909;

    internal static void DecodeVxlan(ReadOnlySpan<byte> f, int off, ref DecodedPacket p, PacketDecoder d)
    {
        if (f.Length - off < 8)
        {
            p.AddError(DecodeErrorKind.TruncatedTunnel);
            return;
        }
        var vni = BinaryPrimitives.ReadUInt32BigEndian(f[(off + 4)..]) >> 8;
        if (p.VniCount < VniStack.Capacity)
            p.Vnis[p.VniCount] = vni;
        if (p.VniCount < byte.MaxValue)
            p.VniCount++;
        if (Enter(ref p))
            EthernetDecoder.Decode(f, off + 8, ref p, ref p.Inner, d);
    }

    internal static void DecodeGeneve(ReadOnlySpan<byte> f, int off, ref DecodedPacket p, PacketDecoder d)
    {
        if (f.Length - off < 8)
        {
            p.AddError(DecodeErrorKind.TruncatedTunnel);
            return;
        }
        var optionsLength = (f[off] & 0x3F) * 4;
        var protocol = BinaryPrimitives.ReadUInt16BigEndian(f[(off + 2)..]);
        if (!p.HasGeneve)
        {
            p.GeneveVni = BinaryPrimitives.ReadUInt32BigEndian(f[(off + 4)..]) >> 8;
            p.HasGeneve = true;
        }
        var inner = off + 8 + optionsLength;
        if (inner > f.Length)
        {
            p.AddError(DecodeErrorKind.TruncatedTunnel);
            return;
        }
        DecodePayload(protocol, f, inner, ref p, d);
    }

    internal static void DecodeGre(ReadOnlySpan<byte> f, int off, ref DecodedPacket p, ref HeaderLayer l, PacketDecoder d)
    {
        if (l.Role == LayerRole.Quoted)
            return;
        if (f.Length - off < 4)
        {
            p.AddError(DecodeErrorKind.TruncatedTunnel);
            return;
        }
        var flags = BinaryPrimitives.ReadUInt16BigEndian(f[off..]);
        var protocol = BinaryPrimitives.ReadUInt16BigEndian(f[(off + 2)..]);
        var version = flags & 0x7;
        var hasChecksum = (flags & 0x8000) != 0;
        var hasKey = (flags & 0x2000) != 0;
        var hasSequence = (flags & 0x1000) != 0;
        var hasAck = version == 1 && (flags & 0x0080) != 0;
        if (!p.HasGre)
        {
            p.GreProto = protocol;
            p.HasGre = true;
        }
        p.GreProtoInnermost = protocol;
        if (p.GreCount < byte.MaxValue)
            p.GreCount++;
        if (version > 1 || (flags & 0x4000) != 0)
        {
            p.AddError(DecodeErrorKind.GreUnsupported); // routing present (RFC 1701 source routes) or unknown version
            return;
        }
        var pos = off + 4 + (hasChecksum ? 4 : 0);
        if (hasKey)
        {
            if (f.Length - pos < 4)
            {
                p.AddError(DecodeErrorKind.TruncatedTunnel);
                return;
            }
            if (!p.HasGreKey)
            {
                p.GreKey = BinaryPrimitives.ReadUInt32BigEndian(f[pos..]);
                p.HasGreKey = true;
            }
            pos += 4;
        }
        pos += (hasSequence ? 4 : 0) + (hasAck ? 4 : 0);
        if (pos > f.Length)
        {
            p.AddError(DecodeErrorKind.TruncatedTunnel);
            return;
        }
        if (pos == f.Length)
            return; // a PPTP acknowledgement carries no payload
        if (protocol == ErspanTypeII)
        {
            // ERSPAN type I has no header (no sequence number); type II has 8 bytes before the mirrored frame.
            if (hasSequence)
                pos += 8;
            if (pos > f.Length)
            {
                p.AddError(DecodeErrorKind.TruncatedTunnel);
                return;
            }
            if (Enter(ref p))
                EthernetDecoder.Decode(f, pos, ref p, ref p.Inner, d);
            return;
        }
        if (protocol == CiscoMetaData)
        {
            // Cisco MetaData over GRE: 8 bytes of metadata, then IP, identified like tshark does by its version.
            if (f.Length - pos > 8 && Enter(ref p))
                IpDecoder.DecodeByVersion(f, pos + 8, ref p, ref p.Inner, d);
            return;
        }
        if (protocol == PptpPpp)
        {
            if (Enter(ref p))
                PppDecoder.Decode(f, pos, ref p, ref p.Inner, d);
            return;
        }
        DecodePayload(protocol, f, pos, ref p, d);
    }

    internal static void DecodeIpInIp(ReadOnlySpan<byte> f, int off, bool ipv6, ref DecodedPacket p, ref HeaderLayer l, PacketDecoder d)
    {
        if (l.Role == LayerRole.Quoted || !Enter(ref p))
            return;
        if (ipv6)
            IpDecoder.DecodeIpv6(f, off, ref p, ref p.Inner, d);
        else
            IpDecoder.DecodeIpv4(f, off, ref p, ref p.Inner, d);
    }

    /// <summary>An EtherType-labelled tunnel payload (Geneve, GRE).</summary>
    private static void DecodePayload(ushort protocol, ReadOnlySpan<byte> f, int off, ref DecodedPacket p, PacketDecoder d)
    {
        if (protocol == TransparentEthernetBridging)
        {
            if (Enter(ref p))
                EthernetDecoder.Decode(f, off, ref p, ref p.Inner, d);
        }
        else if (protocol is 0x0800 or 0x86DD or 0x8847 or 0x8848)
        {
            if (Enter(ref p))
                EthernetDecoder.DecodeEtherType(protocol, f, off, ref p, ref p.Inner, d);
        }
    }

    /// <summary>Starts a new innermost layer, or refuses past <see cref="PacketDecoder.MaxTunnelDepth"/>.</summary>
    internal static bool Enter(ref DecodedPacket p)
    {
        if (p.TunnelDepth >= PacketDecoder.MaxTunnelDepth)
        {
            p.AddError(DecodeErrorKind.TunnelTooDeep);
            return false;
        }
        p.TunnelDepth++;
        p.Inner.Clear();
        return true;
    }
}
