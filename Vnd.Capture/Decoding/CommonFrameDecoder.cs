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

    /// <summary>Ethernet + IPv4 + a TCP header without options: the shortest frame of kind <see cref="CommonFrameKind.Tcp"/>.</summary>
    public const int MinTcpFrameLength = TransportOffset + 20;

    /// <summary>Ethernet + IPv4 + UDP: the shortest frame of kind <see cref="CommonFrameKind.Udp"/>.</summary>
    public const int MinUdpFrameLength = TransportOffset + 8;

    /// <summary>Decodes <paramref name="f"/> into the (reset) packet when it has the common shape; false otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryDecode(ReadOnlySpan<byte> f, ref DecodedPacket p, DecoderOptions options)
    {
        var kind = Classify(f, p.FrameLength, options);
        if (kind == CommonFrameKind.None)
            return false;
        ref var b = ref MemoryMarshal.GetReference(f);
        int totalLength = ReadUInt16(ref b, IpOffset + 2);
        var end = Math.Min(f.Length, IpOffset + totalLength);
        if (kind == CommonFrameKind.Udp)
            WriteUdp(ref b, end, totalLength, ref p);
        else
            WriteTcp(ref b, end, totalLength, ref p);
        return true;
    }

    /// <summary>
    /// The shape of <paramref name="f"/> (<paramref name="frameLength"/> on the wire): which straight-line decoding it
    /// takes, or <see cref="CommonFrameKind.None"/>. Every bound the decoding relies on is checked here: a frame of
    /// kind <see cref="CommonFrameKind.Tcp"/> has at least <see cref="MinTcpFrameLength"/> bytes, one of kind
    /// <see cref="CommonFrameKind.Udp"/> at least <see cref="MinUdpFrameLength"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CommonFrameKind Classify(ReadOnlySpan<byte> f, int frameLength, DecoderOptions options)
    {
        // Ethernet (14) + IPv4 (20) + the first 8 transport bytes, so UDP and the TCP test below are in bounds.
        if (f.Length < TransportOffset + 8)
            return CommonFrameKind.None;
        ref var b = ref MemoryMarshal.GetReference(f);
        // EtherType 0x0800 and version 4 with IHL 5, read as one big-endian word: 08 00 45.
        if ((BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref b, 12))) & 0xFFFF_FF00) != 0x0800_4500)
            return CommonFrameKind.None;
        int totalLength = ReadUInt16(ref b, IpOffset + 2);
        var flagsFragment = ReadUInt16(ref b, IpOffset + 6);
        // Later fragments, a zero length (TSO) and a length past the frame each set an error or skip the transport.
        if ((flagsFragment & 0x1FFF) != 0 || totalLength < 20 || IpOffset + totalLength > Math.Max(frameLength, f.Length))
            return CommonFrameKind.None;
        var end = Math.Min(f.Length, IpOffset + totalLength);
        var proto = Unsafe.Add(ref b, IpOffset + 9);
        return proto switch
        {
            6 => ClassifyTcp(ref b, end, options),
            17 => ClassifyUdp(ref b, end, options),
            _ => CommonFrameKind.None,
        };
    }

    // Inlined into the callers (PacketDecoder.Decode, the import loop), which are compiled fully optimised at their
    // first call: a separate method would start as unoptimised tier-0 code and cost a call per frame.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static CommonFrameKind ClassifyTcp(ref byte b, int end, DecoderOptions options)
    {
        var headerLength = (Unsafe.Add(ref b, TransportOffset + 12) >> 4) * 4;
        // The whole TCP header (options included) captured and inside the IP length; DNS over TCP goes the long way.
        if (headerLength < 20 || end - TransportOffset < headerLength)
            return CommonFrameKind.None;
        if (options.DecodeDns && (ReadUInt16(ref b, TransportOffset) == DnsPort || ReadUInt16(ref b, TransportOffset + 2) == DnsPort))
            return CommonFrameKind.None;
        return headerLength == 20 ? CommonFrameKind.Tcp : CommonFrameKind.TcpWithOptions;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // as ClassifyTcp
    private static CommonFrameKind ClassifyUdp(ref byte b, int end, DecoderOptions options)
    {
        if (end - TransportOffset < 8)
            return CommonFrameKind.None;
        var srcPort = ReadUInt16(ref b, TransportOffset);
        var dstPort = ReadUInt16(ref b, TransportOffset + 2);
        var length = ReadUInt16(ref b, TransportOffset + 4);
        // A length below 8 is an error; tunnel and DNS ports decode what the datagram carries.
        if (length < 8 || options.IsVxlanPort(dstPort) || dstPort == options.GenevePort
            || (options.DecodeDns && (IsDnsPort(srcPort) || IsDnsPort(dstPort))))
            return CommonFrameKind.None;
        return CommonFrameKind.Udp;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // as ClassifyTcp: part of Decode's one optimised body
    private static void WriteTcp(ref byte b, int end, int totalLength, ref DecodedPacket p)
    {
        var headerLength = (Unsafe.Add(ref b, TransportOffset + 12) >> 4) * 4;
        ref var l = ref p.Outer;
        WriteEthernetIpv4(ref b, totalLength, ref l);
        l.SrcPort = ReadUInt16(ref b, TransportOffset);
        l.DstPort = ReadUInt16(ref b, TransportOffset + 2);
        l.TcpSeq = ReadUInt32(ref b, TransportOffset + 4);
        l.TcpAck = ReadUInt32(ref b, TransportOffset + 8);
        l.TcpHeaderLength = (byte)headerLength;
        l.TcpFlags = (ushort)(((Unsafe.Add(ref b, TransportOffset + 12) & 0x0F) << 8) | Unsafe.Add(ref b, TransportOffset + 13));
        l.TcpWindow = ReadUInt16(ref b, TransportOffset + 14);
        var payloadLength = Math.Max(0, totalLength - 20 - headerLength);
        l.TcpPayloadLength = payloadLength;
        var payloadOffset = TransportOffset + headerLength;
        l.PayloadOffset = payloadOffset;
        l.PayloadLength = Math.Min(end - payloadOffset, payloadLength);
        // The layer was reset (no parts): one store of every part the straight line decodes; options add theirs.
        l.Parts = LayerParts.Ethernet | LayerParts.Ipv4 | LayerParts.Tcp | LayerParts.Payload;
        if (headerLength > 20 && TcpOptionsDecoder.Decode(Options(ref b, headerLength), ref l))
            p.AddError(DecodeErrorKind.TcpOptionsMalformed);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // as ClassifyTcp: part of Decode's one optimised body
    private static void WriteUdp(ref byte b, int end, int totalLength, ref DecodedPacket p)
    {
        var length = ReadUInt16(ref b, TransportOffset + 4);
        ref var l = ref p.Outer;
        WriteEthernetIpv4(ref b, totalLength, ref l);
        l.SrcPort = ReadUInt16(ref b, TransportOffset);
        l.DstPort = ReadUInt16(ref b, TransportOffset + 2);
        l.UdpLength = length;
        const int payloadOffset = TransportOffset + 8;
        l.PayloadOffset = payloadOffset;
        l.PayloadLength = Math.Max(0, Math.Min(end, TransportOffset + length) - payloadOffset);
        l.Parts = LayerParts.Ethernet | LayerParts.Ipv4 | LayerParts.Udp | LayerParts.Payload; // as in WriteTcp
    }

    /// <summary>
    /// The Ethernet and IPv4 fields, as <see cref="EthernetDecoder"/> and <see cref="IpDecoder"/> set them; the caller
    /// sets the layer's parts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // as ClassifyTcp: part of Decode's one optimised body
    private static void WriteEthernetIpv4(ref byte b, int totalLength, ref HeaderLayer l)
    {
        var flagsFragment = ReadUInt16(ref b, IpOffset + 6);
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
    }

    /// <summary>
    /// Whether the options of a frame of kind <see cref="CommonFrameKind.TcpWithOptions"/> are malformed (the one error
    /// the general decoder can find in such a frame besides a cut capture); decodes them into <paramref name="scratch"/>.
    /// </summary>
    public static bool TcpOptionsMalformed(ReadOnlySpan<byte> f, ref HeaderLayer scratch)
    {
        // Classify checked that the whole TCP header is in the frame: the option area is in bounds.
        if (f.Length < MinTcpFrameLength)
            throw new ArgumentException("not a frame of kind TcpWithOptions", nameof(f));
        ref var b = ref MemoryMarshal.GetReference(f);
        var headerLength = (Unsafe.Add(ref b, TransportOffset + 12) >> 4) * 4;
        if (headerLength <= 20 || f.Length < TransportOffset + headerLength)
            throw new ArgumentException("not a frame of kind TcpWithOptions", nameof(f));
        return TcpOptionsDecoder.Decode(Options(ref b, headerLength), ref scratch);
    }

    /// <summary>The option area of a TCP header of <paramref name="headerLength"/> bytes that the frame holds whole.</summary>
    private static ReadOnlySpan<byte> Options(ref byte b, int headerLength) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref b, TransportOffset + 20), headerLength - 20);

    private static bool IsDnsPort(ushort port) => port is DnsPort or 5353 or 5355;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort ReadUInt16(ref byte b, int offset) =>
        BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref b, offset)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadUInt32(ref byte b, int offset) =>
        BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref b, offset)));
}
