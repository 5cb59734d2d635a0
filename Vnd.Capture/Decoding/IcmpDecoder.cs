namespace Vnd.Capture.Decoding;

/// <summary>
/// ICMP and ICMPv6 type/code. The first error message in a packet also gets the IP header (and first L4 bytes)
/// it quotes decoded into <see cref="DecodedPacket.Quoted"/>, which is how traceroute hops are paired with probes.
/// </summary>
internal static class IcmpDecoder
{
    internal static void DecodeIcmp(ReadOnlySpan<byte> f, int off, ref DecodedPacket p, ref HeaderLayer l, PacketDecoder d)
    {
        if (!DecodeTypeCode(f, off, LayerParts.Icmp, ref p, ref l))
            return;
        // Destination unreachable, source quench, redirect, time exceeded, parameter problem.
        if (l.IcmpType is 3 or 4 or 5 or 11 or 12 && CanQuote(ref p, ref l) && f.Length - off > 8)
            IpDecoder.DecodeIpv4(f, off + 8, ref p, ref p.Quoted, d);
    }

    internal static void DecodeIcmpv6(ReadOnlySpan<byte> f, int off, ref DecodedPacket p, ref HeaderLayer l, PacketDecoder d)
    {
        if (!DecodeTypeCode(f, off, LayerParts.Icmpv6, ref p, ref l))
            return;
        // Destination unreachable, packet too big, time exceeded, parameter problem.
        if (l.IcmpType is >= 1 and <= 4 && CanQuote(ref p, ref l) && f.Length - off > 8)
            IpDecoder.DecodeIpv6(f, off + 8, ref p, ref p.Quoted, d);
    }

    private static bool DecodeTypeCode(ReadOnlySpan<byte> f, int off, LayerParts part, ref DecodedPacket p, ref HeaderLayer l)
    {
        if (f.Length - off < 4)
        {
            if (l.Role != LayerRole.Quoted)
                p.AddError(DecodeErrorKind.TruncatedIcmp);
            return false;
        }
        l.IcmpType = f[off];
        l.IcmpCode = f[off + 1];
        l.Parts |= part;
        if (f.Length - off >= 8)
        {
            l.PayloadOffset = off + 8;
            l.PayloadLength = f.Length - off - 8;
            l.Parts |= LayerParts.Payload;
        }
        return true;
    }

    private static bool CanQuote(ref DecodedPacket p, ref HeaderLayer l) =>
        l.Role != LayerRole.Quoted && p.Quoted.Parts == LayerParts.None;
}
