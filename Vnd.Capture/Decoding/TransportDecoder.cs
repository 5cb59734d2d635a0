using System.Buffers.Binary;

namespace Vnd.Capture.Decoding;

/// <summary>
/// What follows an IP header: TCP, UDP (and what UDP ports announce: DNS, VXLAN, Geneve), ICMP/ICMPv6, GRE and
/// IP-in-IP. <c>ipPayloadLength</c> is the transport length the IP header claims; the span ends at the captured
/// or claimed end, whichever is first.
/// </summary>
internal static class TransportDecoder
{
    private const ushort DnsPort = 53;
    private const ushort MdnsPort = 5353;
    private const ushort LlmnrPort = 5355;

    internal static void Decode(byte proto, ReadOnlySpan<byte> f, int off, int ipPayloadLength, ref DecodedPacket p, ref HeaderLayer l, PacketDecoder d)
    {
        switch (proto)
        {
            case 6:
                DecodeTcp(f, off, ipPayloadLength, ref p, ref l, d);
                break;
            case 17:
                DecodeUdp(f, off, ref p, ref l, d);
                break;
            case 1:
                IcmpDecoder.DecodeIcmp(f, off, ref p, ref l, d);
                break;
            case 58:
                IcmpDecoder.DecodeIcmpv6(f, off, ref p, ref l, d);
                break;
            case 47:
                TunnelDecoder.DecodeGre(f, off, ref p, ref l, d);
                break;
            case 4:
                TunnelDecoder.DecodeIpInIp(f, off, false, ref p, ref l, d);
                break;
            case 41:
                TunnelDecoder.DecodeIpInIp(f, off, true, ref p, ref l, d);
                break;
        }
    }

    private static void DecodeTcp(ReadOnlySpan<byte> f, int off, int ipPayloadLength, ref DecodedPacket p, ref HeaderLayer l, PacketDecoder d)
    {
        var h = f[off..];
        if (h.Length < 20)
        {
            p.AddTruncation(in l, DecodeErrorKind.TruncatedTcp);
            if (h.Length >= 8)
            {
                l.SrcPort = BinaryPrimitives.ReadUInt16BigEndian(h);
                l.DstPort = BinaryPrimitives.ReadUInt16BigEndian(h[2..]);
                l.TcpSeq = BinaryPrimitives.ReadUInt32BigEndian(h[4..]);
                l.Parts |= LayerParts.TcpPrefix;
            }
            return;
        }
        l.SrcPort = BinaryPrimitives.ReadUInt16BigEndian(h);
        l.DstPort = BinaryPrimitives.ReadUInt16BigEndian(h[2..]);
        l.TcpSeq = BinaryPrimitives.ReadUInt32BigEndian(h[4..]);
        l.TcpAck = BinaryPrimitives.ReadUInt32BigEndian(h[8..]);
        var headerLength = (h[12] >> 4) * 4;
        l.TcpHeaderLength = (byte)headerLength;
        l.TcpFlags = (ushort)(((h[12] & 0x0F) << 8) | h[13]);
        l.TcpWindow = BinaryPrimitives.ReadUInt16BigEndian(h[14..]);
        l.Parts |= LayerParts.Tcp;
        if (headerLength < 20)
        {
            p.AddError(DecodeErrorKind.TcpDataOffsetTooSmall);
            l.TcpPayloadLength = -1;
            return;
        }
        l.TcpPayloadLength = Math.Max(0, ipPayloadLength - headerLength);
        var optionsEnd = Math.Min(f.Length - off, headerLength);
        if (optionsEnd < headerLength)
            p.AddTruncation(in l, DecodeErrorKind.TruncatedTcp);
        if (headerLength > 20 && TcpOptionsDecoder.Decode(h[20..optionsEnd], ref l))
            p.AddError(DecodeErrorKind.TcpOptionsMalformed);
        if (optionsEnd < headerLength)
            return;
        var payloadOffset = off + headerLength;
        var captured = Math.Min(f.Length - payloadOffset, l.TcpPayloadLength);
        l.PayloadOffset = payloadOffset;
        l.PayloadLength = captured;
        l.Parts |= LayerParts.Payload;
        if (d.Options.DecodeDns && (l.SrcPort == DnsPort || l.DstPort == DnsPort) && captured >= 2 && l.Role != LayerRole.Quoted)
        {
            // DNS over TCP: a 2-byte length prefix; decode only a message that is whole in this segment.
            var messageLength = BinaryPrimitives.ReadUInt16BigEndian(f[payloadOffset..]);
            if (messageLength + 2 <= captured)
                DnsDecoder.Decode(f.Slice(payloadOffset + 2, messageLength), ref p, ref l);
        }
    }

    private static void DecodeUdp(ReadOnlySpan<byte> f, int off, ref DecodedPacket p, ref HeaderLayer l, PacketDecoder d)
    {
        if (f.Length - off < 8)
        {
            p.AddTruncation(in l, DecodeErrorKind.TruncatedUdp);
            return;
        }
        var h = f[off..];
        var src = BinaryPrimitives.ReadUInt16BigEndian(h);
        var dst = BinaryPrimitives.ReadUInt16BigEndian(h[2..]);
        var length = BinaryPrimitives.ReadUInt16BigEndian(h[4..]);
        l.SrcPort = src;
        l.DstPort = dst;
        l.UdpLength = length;
        l.Parts |= LayerParts.Udp;
        var quoted = l.Role == LayerRole.Quoted;
        // A UDP length of 0 inside a BIG TCP/GSO super-frame means "use the IP length" (as for IP itself).
        var end = f.Length;
        if (length >= 8)
            end = (int)Math.Min(f.Length, (long)off + length);
        else if (!(length == 0 && p.HasError(DecodeErrorKind.IpLengthZero)))
            p.AddError(DecodeErrorKind.UdpLengthInvalid);
        var payloadOffset = off + 8;
        l.PayloadOffset = payloadOffset;
        l.PayloadLength = Math.Max(0, end - payloadOffset);
        l.Parts |= LayerParts.Payload;
        var body = f[..Math.Max(end, payloadOffset)];
        var o = d.Options;
        if (quoted)
        {
            // tshark decodes the DNS header an ICMP error quotes; tunnels inside a quote are not followed.
            if (o.DecodeDns && IsDnsPort(src, dst))
                DnsDecoder.Decode(body[payloadOffset..], ref p, ref l);
            return;
        }
        if (o.IsVxlanPort(dst))
            TunnelDecoder.DecodeVxlan(body, payloadOffset, ref p, d);
        else if (dst == o.GenevePort)
            TunnelDecoder.DecodeGeneve(body, payloadOffset, ref p, d);
        else if (o.DecodeDns && IsDnsPort(src, dst))
            DnsDecoder.Decode(body[payloadOffset..], ref p, ref l);
    }

    private static bool IsDnsPort(ushort src, ushort dst) =>
        src is DnsPort or MdnsPort or LlmnrPort || dst is DnsPort or MdnsPort or LlmnrPort;
}
