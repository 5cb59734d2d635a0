using System.Buffers.Binary;

namespace Vnd.Capture.Decoding;

/// <summary>
/// IPv4 (options, fragments) and IPv6 (bounded extension-header chain). The IP length fields decide where the
/// packet ends (Ethernet padding is not payload) and how long the transport payload is; a length of 0 is taken
/// as TSO/BIG TCP and replaced by what the original frame length implies, as tcpdump does.
/// </summary>
internal static class IpDecoder
{
    internal static void DecodeByVersion(ReadOnlySpan<byte> f, int off, ref DecodedPacket p, ref HeaderLayer l, PacketDecoder d)
    {
        if (off >= f.Length)
        {
            p.AddTruncation(in l, DecodeErrorKind.TruncatedIpv4);
            return;
        }
        switch (f[off] >> 4)
        {
            case 4:
                DecodeIpv4(f, off, ref p, ref l, d);
                break;
            case 6:
                DecodeIpv6(f, off, ref p, ref l, d);
                break;
            default:
                p.AddError(DecodeErrorKind.BadIpVersion);
                break;
        }
    }

    internal static void DecodeIpv4(ReadOnlySpan<byte> f, int off, ref DecodedPacket p, ref HeaderLayer l, PacketDecoder d)
    {
        if (off < f.Length && f[off] >> 4 != 4)
        {
            p.AddError(DecodeErrorKind.BadIpVersion);
            return;
        }
        if (f.Length - off < 20)
        {
            p.AddTruncation(in l, DecodeErrorKind.TruncatedIpv4);
            return;
        }
        var h = f[off..];
        var headerLength = (h[0] & 0x0F) * 4;
        var totalLength = (int)BinaryPrimitives.ReadUInt16BigEndian(h[2..]);
        var flagsFragment = BinaryPrimitives.ReadUInt16BigEndian(h[6..]);
        l.IpHeaderLength = (byte)headerLength;
        l.IpDsfield = h[1];
        l.IpId = BinaryPrimitives.ReadUInt16BigEndian(h[4..]);
        l.IpDontFragment = (flagsFragment & 0x4000) != 0;
        l.IpMoreFragments = (flagsFragment & 0x2000) != 0;
        l.IpFragmentOffset = (ushort)(flagsFragment & 0x1FFF);
        l.IpTtl = h[8];
        l.IpProto = h[9];
        l.L4Proto = h[9];
        l.Ipv4Src = BinaryPrimitives.ReadUInt32BigEndian(h[12..]);
        l.Ipv4Dst = BinaryPrimitives.ReadUInt32BigEndian(h[16..]);
        l.Parts |= LayerParts.Ipv4;

        var quoted = l.Role == LayerRole.Quoted;
        if (totalLength == 0 && !quoted)
        {
            p.AddError(DecodeErrorKind.IpLengthZero);
            totalLength = p.FrameLength - off;
        }
        l.IpTotalLength = totalLength;
        if (headerLength < 20)
        {
            p.AddError(DecodeErrorKind.IhlTooSmall);
            return;
        }
        if (totalLength < headerLength)
        {
            p.AddError(DecodeErrorKind.IpLengthTooSmall);
            return;
        }
        // Like tshark, a length past the frame is cut to the frame's original length for the transport length.
        var ipLength = totalLength;
        if (off + totalLength > p.FrameLength)
        {
            if (!quoted)
                p.AddError(DecodeErrorKind.IpLengthPastFrame);
            ipLength = p.FrameLength - off;
        }
        if (f.Length - off < headerLength)
        {
            p.AddTruncation(in l, DecodeErrorKind.TruncatedIpv4);
            return;
        }
        // Non-first fragments carry no transport header.
        if (l.IpFragmentOffset != 0)
            return;
        var end = Math.Min(f.Length, off + ipLength);
        TransportDecoder.Decode(l.IpProto, f[..end], off + headerLength, ipLength - headerLength, ref p, ref l, d);
    }

    internal static void DecodeIpv6(ReadOnlySpan<byte> f, int off, ref DecodedPacket p, ref HeaderLayer l, PacketDecoder d)
    {
        if (off < f.Length && f[off] >> 4 != 6)
        {
            p.AddError(DecodeErrorKind.BadIpVersion);
            return;
        }
        if (f.Length - off < 40)
        {
            p.AddTruncation(in l, DecodeErrorKind.TruncatedIpv6);
            return;
        }
        var h = f[off..];
        var word = BinaryPrimitives.ReadUInt32BigEndian(h);
        l.Ipv6TrafficClass = (byte)(word >> 20);
        l.Ipv6FlowLabel = word & 0xFFFFF;
        var payloadLength = (int)BinaryPrimitives.ReadUInt16BigEndian(h[4..]);
        l.Ipv6PayloadLength = payloadLength;
        l.Ipv6NextHeader = h[6];
        l.Ipv6HopLimit = h[7];
        l.Ipv6Src = BinaryPrimitives.ReadUInt128BigEndian(h[8..]);
        l.Ipv6Dst = BinaryPrimitives.ReadUInt128BigEndian(h[24..]);
        l.L4Proto = h[6];
        l.Parts |= LayerParts.Ipv6;

        var quoted = l.Role == LayerRole.Quoted;
        if (payloadLength == 0 && !quoted && TryGetJumboLength(h, out var jumboLength))
        {
            payloadLength = jumboLength;
        }
        else if (payloadLength == 0 && !quoted)
        {
            // A jumbogram would carry its length in hop-by-hop; without one, 0 means BIG TCP.
            p.AddError(DecodeErrorKind.IpLengthZero);
            payloadLength = p.FrameLength - off - 40;
        }
        if (off + 40 + payloadLength > p.FrameLength)
        {
            if (!quoted)
                p.AddError(DecodeErrorKind.IpLengthPastFrame);
            payloadLength = Math.Max(0, p.FrameLength - off - 40);
        }
        var end = (int)Math.Min(f.Length, (long)off + 40 + payloadLength);
        var body = f[..end];
        var pos = off + 40;
        var next = h[6];
        for (var count = 0; ; count++)
        {
            int length;
            switch (next)
            {
                case 0 or 43 or 60 or 135 or 139 or 140:
                    if (body.Length - pos < 2)
                    {
                        p.AddTruncation(in l, DecodeErrorKind.TruncatedExtensionHeader);
                        return;
                    }
                    length = (body[pos + 1] + 1) * 8;
                    break;
                case 51:
                    if (body.Length - pos < 2)
                    {
                        p.AddTruncation(in l, DecodeErrorKind.TruncatedExtensionHeader);
                        return;
                    }
                    length = (body[pos + 1] + 2) * 4;
                    break;
                case 44:
                    if (body.Length - pos < 8)
                    {
                        p.AddTruncation(in l, DecodeErrorKind.TruncatedExtensionHeader);
                        return;
                    }
                    var fragment = BinaryPrimitives.ReadUInt16BigEndian(body[(pos + 2)..]);
                    l.Ipv6FragmentId = BinaryPrimitives.ReadUInt32BigEndian(body[(pos + 4)..]);
                    l.IpFragmentOffset = (ushort)(fragment >> 3);
                    l.IpMoreFragments = (fragment & 1) != 0;
                    l.Parts |= LayerParts.Ipv6Fragment;
                    length = 8;
                    break;
                default:
                    l.L4Proto = next;
                    if ((l.Parts & LayerParts.Ipv6Fragment) != 0 && l.IpFragmentOffset != 0)
                        return;
                    TransportDecoder.Decode(next, body, pos, payloadLength - (pos - off - 40), ref p, ref l, d);
                    return;
            }
            if (count == PacketDecoder.MaxExtensionHeaders)
            {
                p.AddError(DecodeErrorKind.ExtensionChainTooLong);
                return;
            }
            if (body.Length - pos < length)
            {
                p.AddTruncation(in l, DecodeErrorKind.TruncatedExtensionHeader);
                return;
            }
            next = body[pos];
            pos += length;
        }
    }

    /// <summary>The length of a Jumbo Payload option (RFC 2675) that is the first hop-by-hop option.</summary>
    private static bool TryGetJumboLength(ReadOnlySpan<byte> h, out int length)
    {
        length = 0;
        if (h[6] != 0 || h.Length < 48 || h[42] != 0xC2 || h[43] != 4)
            return false;
        length = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(h[44..]), int.MaxValue - 65_535);
        return true;
    }
}
