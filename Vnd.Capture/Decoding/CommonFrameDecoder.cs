using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vnd.Capture.Decoding;

/// <summary>
/// The straight-line decoder for the frame almost every capture is made of: Ethernet II, IPv4 without options, not
/// a later fragment, lengths consistent with the frame, then TCP (whole header captured) or UDP on a port that
/// announces nothing (no tunnel, no DNS). All bounds are checked once, up front, before anything is written; a
/// frame that is anything else is left untouched for the general decoder, which gives the same result for these
/// frames (a differential test decodes real captures and mutated frames both ways and compares every field).
/// </summary>
internal static class CommonFrameDecoder
{
    private const int IpOffset = 14;
    private const int TransportOffset = IpOffset + 20;
    private const int DnsPort = 53;

    /// <summary>Decodes <paramref name="f"/> into the (reset) packet when it has the common shape; false otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryDecode(ReadOnlySpan<byte> f, ref DecodedPacket p, DecoderOptions options)
    {
        // Ethernet (14) + IPv4 (20) + the first 8 transport bytes, so UDP and the TCP test below are in bounds.
        if (f.Length < TransportOffset + 8)
            return false;
        ref var b = ref MemoryMarshal.GetReference(f);
        // EtherType 0x0800 and version 4 with IHL 5, read as one big-endian word: 08 00 45.
        if ((BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref b, 12))) & 0xFFFF_FF00) != 0x0800_4500)
            return false;
        int totalLength = ReadUInt16(ref b, IpOffset + 2);
        var flagsFragment = ReadUInt16(ref b, IpOffset + 6);
        // Later fragments, a zero length (TSO) and a length past the frame each set an error or skip the transport.
        if ((flagsFragment & 0x1FFF) != 0 || totalLength < 20 || IpOffset + totalLength > p.FrameLength)
            return false;
        var end = Math.Min(f.Length, IpOffset + totalLength);
        var proto = Unsafe.Add(ref b, IpOffset + 9);
        return proto switch
        {
            6 => TryTcp(ref b, end, totalLength, flagsFragment, ref p, options),
            17 => TryUdp(ref b, end, totalLength, flagsFragment, ref p, options),
            _ => false,
        };
    }

    private static bool TryTcp(ref byte b, int end, int totalLength, ushort flagsFragment, ref DecodedPacket p, DecoderOptions options)
    {
        var headerLength = (Unsafe.Add(ref b, TransportOffset + 12) >> 4) * 4;
        // The whole TCP header (options included) captured and inside the IP length; DNS over TCP goes the long way.
        if (headerLength < 20 || end - TransportOffset < headerLength)
            return false;
        var srcPort = ReadUInt16(ref b, TransportOffset);
        var dstPort = ReadUInt16(ref b, TransportOffset + 2);
        if (options.DecodeDns && (srcPort == DnsPort || dstPort == DnsPort))
            return false;
        ref var l = ref p.Outer;
        WriteEthernetIpv4(ref b, totalLength, flagsFragment, ref l);
        l.SrcPort = srcPort;
        l.DstPort = dstPort;
        l.TcpSeq = ReadUInt32(ref b, TransportOffset + 4);
        l.TcpAck = ReadUInt32(ref b, TransportOffset + 8);
        l.TcpHeaderLength = (byte)headerLength;
        l.TcpFlags = (ushort)(((Unsafe.Add(ref b, TransportOffset + 12) & 0x0F) << 8) | Unsafe.Add(ref b, TransportOffset + 13));
        l.TcpWindow = ReadUInt16(ref b, TransportOffset + 14);
        l.TcpPayloadLength = Math.Max(0, totalLength - 20 - headerLength);
        l.Parts |= LayerParts.Tcp;
        if (headerLength > 20)
            TcpOptionsDecoder.Decode(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref b, TransportOffset + 20), headerLength - 20), ref p, ref l);
        var payloadOffset = TransportOffset + headerLength;
        l.PayloadOffset = payloadOffset;
        l.PayloadLength = Math.Min(end - payloadOffset, l.TcpPayloadLength);
        l.Parts |= LayerParts.Payload;
        return true;
    }

    private static bool TryUdp(ref byte b, int end, int totalLength, ushort flagsFragment, ref DecodedPacket p, DecoderOptions options)
    {
        if (end - TransportOffset < 8)
            return false;
        var srcPort = ReadUInt16(ref b, TransportOffset);
        var dstPort = ReadUInt16(ref b, TransportOffset + 2);
        var length = ReadUInt16(ref b, TransportOffset + 4);
        // A length below 8 is an error; tunnel and DNS ports decode what the datagram carries.
        if (length < 8 || options.IsVxlanPort(dstPort) || dstPort == options.GenevePort
            || (options.DecodeDns && (IsDnsPort(srcPort) || IsDnsPort(dstPort))))
            return false;
        ref var l = ref p.Outer;
        WriteEthernetIpv4(ref b, totalLength, flagsFragment, ref l);
        l.SrcPort = srcPort;
        l.DstPort = dstPort;
        l.UdpLength = length;
        l.Parts |= LayerParts.Udp;
        const int payloadOffset = TransportOffset + 8;
        l.PayloadOffset = payloadOffset;
        l.PayloadLength = Math.Max(0, Math.Min(end, TransportOffset + length) - payloadOffset);
        l.Parts |= LayerParts.Payload;
        return true;
    }

    /// <summary>The Ethernet and IPv4 fields, as <see cref="EthernetDecoder"/> and <see cref="IpDecoder"/> set them.</summary>
    private static void WriteEthernetIpv4(ref byte b, int totalLength, ushort flagsFragment, ref HeaderLayer l)
    {
        l.EthDst = (ulong)ReadUInt16(ref b, 0) << 32 | ReadUInt32(ref b, 2);
        l.EthSrc = (ulong)ReadUInt16(ref b, 6) << 32 | ReadUInt32(ref b, 8);
        l.EthType = 0x0800;
        l.IpHeaderLength = 20;
        l.IpDsfield = Unsafe.Add(ref b, IpOffset + 1);
        l.IpId = ReadUInt16(ref b, IpOffset + 4);
        l.IpDontFragment = (flagsFragment & 0x4000) != 0;
        l.IpMoreFragments = (flagsFragment & 0x2000) != 0;
        l.IpFragmentOffset = 0;
        l.IpTtl = Unsafe.Add(ref b, IpOffset + 8);
        var proto = Unsafe.Add(ref b, IpOffset + 9);
        l.IpProto = proto;
        l.L4Proto = proto;
        l.Ipv4Src = ReadUInt32(ref b, IpOffset + 12);
        l.Ipv4Dst = ReadUInt32(ref b, IpOffset + 16);
        l.IpTotalLength = totalLength;
        l.Parts |= LayerParts.Ethernet | LayerParts.Ipv4;
    }

    private static bool IsDnsPort(ushort port) => port is DnsPort or 5353 or 5355;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort ReadUInt16(ref byte b, int offset) =>
        BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref b, offset)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadUInt32(ref byte b, int offset) =>
        BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref b, offset)));
}
