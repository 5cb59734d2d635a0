using System.Buffers.Binary;

namespace Vnd.Capture.Decoding;

/// <summary>Ethernet II, 802.3 with LLC/SNAP, 802.1Q/802.1ad tag stacks, MPLS label stacks, and EtherType dispatch.</summary>
internal static class EthernetDecoder
{
    private const ushort EtherTypeIpv4 = 0x0800;
    private const ushort EtherTypeArp = 0x0806;
    private const ushort EtherTypeRarp = 0x8035;
    /// <summary>Cisco MetaData (SGT tag): 6 bytes of metadata, then the real EtherType.</summary>
    private const ushort EtherTypeCiscoMetaData = 0x8909;
    private const ushort EtherTypeIpv6 = 0x86DD;
    private const ushort EtherTypeMplsUnicast = 0x8847;
    private const ushort EtherTypeMplsMulticast = 0x8848;
    private const ushort MaxLengthField = 1500;

    internal static void Decode(ReadOnlySpan<byte> f, int off, ref DecodedPacket p, ref HeaderLayer l, PacketDecoder d)
    {
        if (f.Length - off < 14)
        {
            p.AddError(DecodeErrorKind.TruncatedEthernet);
            return;
        }
        l.EthDst = ReadMac(f[off..]);
        l.EthSrc = ReadMac(f[(off + 6)..]);
        var type = BinaryPrimitives.ReadUInt16BigEndian(f[(off + 12)..]);
        l.EthType = type;
        l.Parts |= LayerParts.Ethernet;
        DecodeEtherType(type, f, off + 14, ref p, ref l, d);
    }

    /// <summary>Reads a 6-byte MAC into the low 48 bits of a number, first wire byte most significant.</summary>
    internal static ulong ReadMac(ReadOnlySpan<byte> b) =>
        (ulong)BinaryPrimitives.ReadUInt16BigEndian(b) << 32 | BinaryPrimitives.ReadUInt32BigEndian(b[2..]);

    internal static void DecodeEtherType(ushort type, ReadOnlySpan<byte> f, int off, ref DecodedPacket p, ref HeaderLayer l, PacketDecoder d)
    {
        var tags = 0;
        while (type is 0x8100 or 0x88A8 or 0x9100)
        {
            if (tags == PacketDecoder.MaxVlanTags)
            {
                p.AddError(DecodeErrorKind.VlanTooDeep);
                return;
            }
            if (f.Length - off < 4)
            {
                p.AddError(DecodeErrorKind.TruncatedVlan);
                return;
            }
            l.VlanIds[tags] = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(f[off..]) & 0x0FFF);
            if (type != 0x8100)
                l.VlanServiceTags |= (byte)(1 << tags);
            else
                l.VlanServiceTags &= (byte)~(1 << tags);
            tags++;
            l.VlanCount = (byte)tags;
            l.Parts |= LayerParts.Vlan;
            type = BinaryPrimitives.ReadUInt16BigEndian(f[(off + 2)..]);
            l.EthType = type;
            off += 4;
        }

        if (type <= MaxLengthField)
        {
            // 802.3: the field is the payload length, so anything after it is padding.
            var end = Math.Min(f.Length, off + type);
            DecodeLlc(f[..end], off, ref p, ref l, d);
            return;
        }
        switch (type)
        {
            case EtherTypeIpv4:
                IpDecoder.DecodeIpv4(f, off, ref p, ref l, d);
                break;
            case EtherTypeIpv6:
                IpDecoder.DecodeIpv6(f, off, ref p, ref l, d);
                break;
            case EtherTypeArp or EtherTypeRarp:
                ArpDecoder.Decode(f, off, ref p, ref l);
                break;
            case EtherTypeCiscoMetaData:
                if (f.Length - off < 8)
                {
                    p.AddError(DecodeErrorKind.TruncatedEthernet);
                    return;
                }
                var next = BinaryPrimitives.ReadUInt16BigEndian(f[(off + 6)..]);
                if (next != EtherTypeCiscoMetaData)
                    DecodeEtherType(next, f, off + 8, ref p, ref l, d);
                break;
            case EtherTypeMplsUnicast or EtherTypeMplsMulticast:
                DecodeMpls(f, off, ref p, ref l, d);
                break;
        }
    }

    /// <summary>802.2 LLC; only SNAP with an EtherType OUI (0, or 0xF8 bridge-tunnel) carries something we decode.</summary>
    internal static void DecodeLlc(ReadOnlySpan<byte> f, int off, ref DecodedPacket p, ref HeaderLayer l, PacketDecoder d)
    {
        if (f.Length - off < 3)
        {
            p.AddError(DecodeErrorKind.TruncatedLlc);
            return;
        }
        if (f[off] != 0xAA || f[off + 1] != 0xAA || f[off + 2] != 0x03)
            return;
        if (f.Length - off < 8)
        {
            p.AddError(DecodeErrorKind.TruncatedLlc);
            return;
        }
        var oui = (f[off + 3] << 16) | (f[off + 4] << 8) | f[off + 5];
        if (oui is not (0 or 0xF8))
            return;
        var type = BinaryPrimitives.ReadUInt16BigEndian(f[(off + 6)..]);
        l.EthType = type;
        if (type > MaxLengthField)
            DecodeEtherType(type, f, off + 8, ref p, ref l, d);
    }

    internal static void DecodeMpls(ReadOnlySpan<byte> f, int off, ref DecodedPacket p, ref HeaderLayer l, PacketDecoder d)
    {
        for (var i = 0; ; i++)
        {
            if (i == PacketDecoder.MaxMplsLabels)
            {
                p.AddError(DecodeErrorKind.MplsTooDeep);
                return;
            }
            if (f.Length - off < 4)
            {
                p.AddError(DecodeErrorKind.TruncatedMpls);
                return;
            }
            var entry = BinaryPrimitives.ReadUInt32BigEndian(f[off..]);
            if (i == 0)
                l.MplsLabel = entry >> 12;
            l.MplsCount = (byte)(i + 1);
            l.Parts |= LayerParts.Mpls;
            off += 4;
            if ((entry & 0x100) != 0)
                break;
        }
        // MPLS does not say what it carries; like tshark, guess from the first nibble: IP by its version, 0 for an
        // Ethernet pseudowire behind a 4-byte control word (RFC 4448), which is decoded as a tunnel.
        if (off >= f.Length)
            return;
        switch (f[off] >> 4)
        {
            case 0:
                if (f.Length - off >= 4 + 14 && TunnelDecoder.Enter(ref p))
                    Decode(f, off + 4, ref p, ref p.Inner, d);
                break;
            case 4:
                IpDecoder.DecodeIpv4(f, off, ref p, ref l, d);
                break;
            case 6:
                IpDecoder.DecodeIpv6(f, off, ref p, ref l, d);
                break;
        }
    }
}
