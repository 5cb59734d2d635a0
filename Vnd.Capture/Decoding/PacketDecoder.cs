using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Vnd.Capture.Sources;

namespace Vnd.Capture.Decoding;

/// <summary>
/// Decodes captured frames into a reused <see cref="DecodedPacket"/>: link layer, VLAN/MPLS, IPv4/IPv6, TCP/UDP/
/// ICMP/ARP/DNS and the tunnels VXLAN, Geneve, GRE, ERSPAN II and IP-in-IP. Reads only the captured bytes, never
/// allocates and never throws for any input: a problem becomes a <see cref="DecodeErrorKind"/> and everything
/// decoded before it is kept. Immutable, so one instance serves any number of threads.
/// </summary>
public sealed class PacketDecoder
{
    /// <summary>Stacked 802.1Q/802.1ad tags followed before giving up (QinQinQ plus one).</summary>
    public const int MaxVlanTags = 4;
    public const int MaxMplsLabels = 8;
    /// <summary>
    /// IPv6 extension headers followed. Generous because tshark follows long chains (libpcap's test capture has
    /// ~100); each header is at least 8 bytes, so the captured length bounds the work as well.
    /// </summary>
    public const int MaxExtensionHeaders = 128;
    /// <summary>Nested encapsulations followed; bounds the recursion of tunnel decoding.</summary>
    public const int MaxTunnelDepth = 6;

    public PacketDecoder(DecoderOptions? options = null) => Options = options ?? DecoderOptions.Default;

    public static PacketDecoder Default { get; } = new();

    public DecoderOptions Options { get; }

    /// <summary>
    /// Decodes one frame. <paramref name="originalLength"/> is the length on the wire (pcap orig_len); lengths in
    /// headers are checked against it, and bytes are read only from <paramref name="frame"/>.
    /// <see cref="DecodedPacket.TimestampNanos"/> and <see cref="DecodedPacket.InterfaceId"/> are left as they are.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    public void Decode(ReadOnlySpan<byte> frame, ushort linkType, int originalLength, ref DecodedPacket packet)
    {
        packet.Reset(linkType, frame.Length, Math.Max(originalLength, frame.Length));
        if (linkType == (ushort)LinkType.Ethernet && CommonFrameDecoder.TryDecode(frame, ref packet, Options))
            return;
        DecodeReset(frame, linkType, ref packet);
    }

    /// <summary>
    /// <see cref="Decode"/> without the straight-line path for common Ethernet/IPv4/TCP|UDP frames: what that path
    /// must agree with (tests compare the two).
    /// </summary>
    internal void DecodeGeneral(ReadOnlySpan<byte> frame, ushort linkType, int originalLength, ref DecodedPacket packet)
    {
        packet.Reset(linkType, frame.Length, Math.Max(originalLength, frame.Length));
        DecodeReset(frame, linkType, ref packet);
    }

    private void DecodeReset(ReadOnlySpan<byte> frame, ushort linkType, ref DecodedPacket packet)
    {
        try
        {
            DecodeLink(frame, linkType, ref packet);
        }
        catch (IndexOutOfRangeException)
        {
            // Every read is bounds-checked before it happens; this only turns a decoder defect into a flagged
            // packet instead of a failed import. Tests assert the kind never appears.
            packet.AddError(DecodeErrorKind.DecoderFault);
        }
        catch (ArgumentOutOfRangeException)
        {
            packet.AddError(DecodeErrorKind.DecoderFault);
        }
    }

    private void DecodeLink(ReadOnlySpan<byte> f, ushort linkType, ref DecodedPacket p)
    {
        ref var outer = ref p.Outer;
        switch ((LinkType)linkType)
        {
            case LinkType.Ethernet:
                EthernetDecoder.Decode(f, 0, ref p, ref outer, this);
                break;
            case LinkType.Raw:
                IpDecoder.DecodeByVersion(f, 0, ref p, ref outer, this);
                break;
            case LinkType.Ipv4:
                IpDecoder.DecodeIpv4(f, 0, ref p, ref outer, this);
                break;
            case LinkType.Ipv6:
                IpDecoder.DecodeIpv6(f, 0, ref p, ref outer, this);
                break;
            case LinkType.Null:
            case LinkType.Loop:
                DecodeLoopback(f, (LinkType)linkType == LinkType.Loop, ref p, ref outer);
                break;
            case LinkType.LinuxSll:
                DecodeCooked(f, 16, 14, ref p, ref outer);
                break;
            case LinkType.LinuxSll2:
                DecodeCooked(f, 20, 0, ref p, ref outer);
                break;
            case LinkType.Ppp:
                PppDecoder.Decode(f, 0, ref p, ref outer, this);
                break;
            default:
                p.AddError(DecodeErrorKind.UnknownLinkType);
                break;
        }
    }

    private void DecodeLoopback(ReadOnlySpan<byte> f, bool networkOrder, ref DecodedPacket p, ref HeaderLayer l)
    {
        if (f.Length < 4)
        {
            p.AddError(DecodeErrorKind.TruncatedLinkHeader);
            return;
        }
        // NULL stores the family in the capturing host's order, which the file does not record: a value that
        // does not fit 16 bits was written by a host of the other endianness.
        var family = networkOrder ? BinaryPrimitives.ReadUInt32BigEndian(f) : BinaryPrimitives.ReadUInt32LittleEndian(f);
        if (family > 0xFFFF)
            family = BinaryPrimitives.ReverseEndianness(family);
        switch (family)
        {
            case 2:
                IpDecoder.DecodeIpv4(f, 4, ref p, ref l, this);
                break;
            case 24 or 28 or 30:
                IpDecoder.DecodeIpv6(f, 4, ref p, ref l, this);
                break;
            default:
                p.AddError(DecodeErrorKind.UnsupportedLinkType);
                break;
        }
    }

    private void DecodeCooked(ReadOnlySpan<byte> f, int headerLength, int protocolOffset, ref DecodedPacket p, ref HeaderLayer l)
    {
        if (f.Length < headerLength)
        {
            p.AddError(DecodeErrorKind.TruncatedLinkHeader);
            return;
        }
        var protocol = BinaryPrimitives.ReadUInt16BigEndian(f[protocolOffset..]);
        // Linux puts ETH_P_802_2 (4) for frames with an LLC header and ETH_P_802_3 (1) for raw Novell 802.3.
        if (protocol == 4)
            EthernetDecoder.DecodeLlc(f, headerLength, ref p, ref l, this);
        else if (protocol > 0x05DC)
            EthernetDecoder.DecodeEtherType(protocol, f, headerLength, ref p, ref l, this);
    }
}
