using Vnd.Capture.Decoding;
using static Vnd.Capture.Tests.Decoding.PacketBytes;

namespace Vnd.Capture.Tests.Decoding;

public class TcpIpDecodingTests
{
    private static readonly byte[] AllOptions =
    [
        2, 4, 0x05, 0xb4,             // MSS 1460
        1, 3, 3, 7,                   // NOP, window scale 7
        4, 2,                         // SACK permitted
        8, 10, 0, 0, 0, 1, 0, 0, 0, 2, // timestamps 1, 2
        5, 18, 0, 0, 0x10, 0, 0, 0, 0x20, 0, 0, 0, 0x30, 0, 0, 0, 0x40, 0, // SACK: 2 blocks
        0, 0,                         // EOL + pad: 40 bytes, the most a header holds
    ];

    [Fact]
    public void Tcp_over_ipv4_over_ethernet()
    {
        var frame = Ethernet(0x0800, Ipv4(6, Tcp(40000, 80, 0xFFFF_FFF0, 7, 0x18, "hello"u8.ToArray(), window: 1234), id: 0xabcd, ttl: 63));
        var d = new Decoded(frame);
        Assert.Equal("02000000000a", d.Mac("eth.src"));
        Assert.Equal("02000000000b", d.Mac("eth.dst"));
        Assert.Equal(0x0800, d.Int("eth.type"));
        Assert.Equal("10.0.0.1", d.Address("ip.src"));
        Assert.Equal("10.0.0.2", d.Address("ip.dst"));
        Assert.Equal(6, d.Int("ip.proto"));
        Assert.Equal(0xabcd, d.Int("ip.id"));
        Assert.Equal(63, d.Int("ip.ttl"));
        Assert.Equal(20, d.Int("ip.hdr_len"));
        Assert.Equal(45, d.Int("ip.len"));
        Assert.True(d.Bool("ip.flags.df"));
        Assert.False(d.Bool("ip.flags.mf"));
        Assert.Equal(0x10, d.Int("ip.dsfield"));
        Assert.Equal(40000, d.Int("tcp.srcport"));
        Assert.Equal(80, d.Int("tcp.dst"));
        Assert.Equal(0xFFFF_FFF0L, d.Int("tcp.seq"));
        Assert.Equal(0xFFFF_FFF0L, d.Int("tcp.seq_raw"));
        Assert.Equal(7, d.Int("tcp.ack_raw"));
        Assert.Equal(0x18, d.Int("tcp.flags"));
        Assert.True(d.Bool("tcp.flags.push"));
        Assert.True(d.Bool("tcp.flags.ack"));
        Assert.False(d.Bool("tcp.flags.syn"));
        Assert.Equal(5, d.Int("tcp.len"));
        Assert.Equal(20, d.Int("tcp.hdr_len"));
        Assert.Equal(1234, d.Int("tcp.window_size_value"));
        Assert.Equal("hello"u8.ToArray(), d.Bytes("l4.payload"));
        Assert.Null(d.Int("udp.srcport"));
        Assert.Null(d.Address("ipv6.src"));
        Assert.Equal(0UL, d.Packet.Errors);
    }

    [Fact]
    public void Tcp_options_are_decoded()
    {
        var d = new Decoded(Ethernet(0x0800, Ipv4(6, Tcp(1, 2, 3, 4, 0x12, [], AllOptions))));
        Assert.Equal(1460, d.Int("tcp.options.mss_val"));
        Assert.Equal(7, d.Int("tcp.options.wscale.shift"));
        Assert.True(d.Bool("tcp.options.sack_perm"));
        Assert.Equal(1, d.Int("tcp.options.timestamp.tsval"));
        Assert.Equal(2, d.Int("tcp.options.timestamp.tsecr"));
        Assert.Equal(2, d.Int("tcp.options.sack.count"));
        Assert.Equal(0x1000, d.Int("tcp.options.sack_le"));
        Assert.Equal(0x2000, d.Int("tcp.options.sack_re"));
        Assert.Equal(20 + AllOptions.Length, d.Int("tcp.hdr_len"));
        Assert.Equal(0, d.Int("tcp.len"));
    }

    [Fact]
    public void Linux_timestamps_shape_reads_as_the_option_walk_does()
    {
        // NOP NOP TS, the shape the options decoder answers without walking, beside the same option walked
        // (timestamps first, then the NOPs) and a NOP NOP TS with a bad length (walked: malformed).
        byte[] linux = [1, 1, 8, 10, 0x80, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFE];
        byte[] walked = [8, 10, 0x80, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFE, 1, 1];
        byte[] badLength = [1, 1, 8, 9, 0x80, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFE];
        foreach (var options in new[] { linux, walked })
        {
            var d = new Decoded(Ethernet(0x0800, Ipv4(6, Tcp(1, 2, 3, 4, 0x10, [], options))));
            Assert.Equal(0x8000_0001L, d.Int("tcp.options.timestamp.tsval"));
            Assert.Equal(0xFFFF_FFFEL, d.Int("tcp.options.timestamp.tsecr"));
            Assert.Null(d.Int("tcp.options.mss_val"));
            Assert.Equal(32, d.Int("tcp.hdr_len"));
            Assert.Equal(0UL, d.Packet.Errors);
        }
        var bad = new Decoded(Ethernet(0x0800, Ipv4(6, Tcp(1, 2, 3, 4, 0x10, [], badLength))));
        Assert.Null(bad.Int("tcp.options.timestamp.tsval"));
        Assert.True(bad.Has(DecodeErrorKind.TcpOptionsMalformed));
    }

    [Fact]
    public void Absent_options_are_null_and_sack_perm_false()
    {
        var d = new Decoded(EthernetIpv4Tcp(0));
        Assert.Null(d.Int("tcp.options.mss_val"));
        Assert.Null(d.Int("tcp.options.timestamp.tsval"));
        Assert.False(d.Bool("tcp.options.sack_perm"));
    }

    [Fact]
    public void Tcp_data_offset_below_five_is_an_error_and_keeps_the_ports()
    {
        var d = new Decoded(Ethernet(0x0800, Ipv4(6, Tcp(1, 2, 3, 4, 0x02, new byte[8], dataOffsetWords: 3))));
        Assert.True(d.Has(DecodeErrorKind.TcpDataOffsetTooSmall));
        Assert.Equal(1, d.Int("tcp.srcport"));
        Assert.Null(d.Int("tcp.len"));
    }

    [Fact]
    public void Ipv4_ihl_below_five_keeps_the_addresses_and_stops()
    {
        var d = new Decoded(Ethernet(0x0800, Ipv4(6, Tcp(1, 2, 3, 4, 0x02, []), versionIhl: 0x44)));
        Assert.True(d.Has(DecodeErrorKind.IhlTooSmall));
        Assert.Equal("10.0.0.1", d.Address("ip.src"));
        Assert.Null(d.Int("tcp.srcport"));
    }

    [Fact]
    public void Ipv4_options_move_the_transport_header()
    {
        var d = new Decoded(Ethernet(0x0800, Ipv4(17, Udp(53, 1000, new byte[4]), options: [1, 1, 1, 0])));
        Assert.Equal(24, d.Int("ip.hdr_len"));
        Assert.Equal(53, d.Int("udp.srcport"));
        Assert.Equal(12, d.Int("udp.length"));
    }

    [Fact]
    public void Non_first_fragment_has_no_transport_fields_and_first_fragment_has()
    {
        var later = new Decoded(Ethernet(0x0800, Ipv4(17, Udp(1, 2, new byte[16]), flagsFragment: 0x2000 | 185)));
        Assert.Equal(185, later.Int("ip.frag_offset"));
        Assert.True(later.Bool("ip.flags.mf"));
        Assert.Null(later.Int("udp.srcport"));
        var first = new Decoded(Ethernet(0x0800, Ipv4(17, Udp(1, 2, new byte[16]), flagsFragment: 0x2000)));
        Assert.Equal(1, first.Int("udp.srcport"));
    }

    [Fact]
    public void Tcp_len_comes_from_the_ip_length_in_a_snaplen_cut_frame()
    {
        var full = EthernetIpv4Tcp(1000);
        var cut = full[..54];
        var d = new Decoded(cut, originalLength: full.Length);
        Assert.Equal(1000, d.Int("tcp.len"));
        Assert.Equal(full.Length, d.Int("frame.len"));
        Assert.Equal(54, d.Int("frame.cap_len"));
        Assert.True(d.Bool("vnd.truncated"));
        Assert.True(d.Has(DecodeErrorKind.SnaplenCut));
        Assert.Empty(d.Bytes("l4.payload")!);
    }

    [Fact]
    public void Ipv4_total_length_zero_is_taken_from_the_frame()
    {
        var frame = Ethernet(0x0800, Ipv4(6, Tcp(1, 2, 3, 4, 0x10, new byte[3000]), totalLength: 0));
        var d = new Decoded(frame);
        Assert.True(d.Has(DecodeErrorKind.IpLengthZero));
        Assert.Equal(frame.Length - 14, d.Int("ip.len"));
        Assert.Equal(3000, d.Int("tcp.len"));
    }

    [Fact]
    public void Ipv4_length_past_the_frame_is_flagged_and_cut()
    {
        var frame = Ethernet(0x0800, Ipv4(6, Tcp(1, 2, 3, 4, 0x10, new byte[10]), totalLength: 1000));
        var d = new Decoded(frame);
        Assert.True(d.Has(DecodeErrorKind.IpLengthPastFrame));
        Assert.Equal(1000, d.Int("ip.len"));
        Assert.Equal(10, d.Int("tcp.len"));
    }

    [Fact]
    public void Ethernet_padding_is_not_payload()
    {
        var frame = Concat(Ethernet(0x0800, Ipv4(17, Udp(1, 2, [9]))), new byte[17]);
        var d = new Decoded(frame);
        Assert.Equal([9], d.Bytes("l4.payload"));
    }

    [Fact]
    public void Ipv6_extension_chain_is_followed_to_udp()
    {
        var payload = Ipv6Extension(60, Ipv6Extension(17, Udp(5000, 6000, new byte[4])));
        var d = new Decoded(Ethernet(0x86DD, Ipv6(0, payload, hopLimit: 9)));
        Assert.Equal("2001::1", d.Address("ipv6.src"));
        Assert.Equal("2001::2", d.Address("ipv6.dst"));
        Assert.Equal(0, d.Int("ipv6.nxt"));
        Assert.Equal(payload.Length, d.Int("ipv6.plen"));
        Assert.Equal(9, d.Int("ipv6.hlim"));
        Assert.Equal(0x12345, d.Int("ipv6.flow"));
        Assert.Equal(5000, d.Int("udp.srcport"));
        Assert.Null(d.Address("ip.src"));
    }

    [Fact]
    public void Ipv6_extension_chain_longer_than_the_bound_is_an_error()
    {
        var payload = Udp(1, 2, []);
        payload = Ipv6Extension(17, payload);
        for (var i = 0; i < PacketDecoder.MaxExtensionHeaders; i++)
            payload = Ipv6Extension(60, payload);
        var d = new Decoded(Ethernet(0x86DD, Ipv6(60, payload)));
        Assert.True(d.Has(DecodeErrorKind.ExtensionChainTooLong));
        Assert.Null(d.Int("udp.srcport"));
    }

    [Fact]
    public void Ipv6_payload_length_zero_without_jumbo_is_big_tcp()
    {
        var frame = Ethernet(0x86DD, Ipv6(6, Tcp(1, 2, 3, 4, 0x18, new byte[70000 - 20]), payloadLength: 0));
        var d = new Decoded(frame);
        Assert.True(d.Has(DecodeErrorKind.IpLengthZero));
        Assert.Equal(0, d.Int("ipv6.plen"));
        Assert.Equal(70000 - 20, d.Int("tcp.len"));
    }

    [Fact]
    public void Ipv6_jumbogram_takes_its_length_from_the_option()
    {
        var tcp = Tcp(1, 2, 3, 4, 0x18, new byte[70000]);
        var hopByHop = Concat([6, 0, 0xC2, 4], U32((uint)(8 + tcp.Length)), tcp);
        var d = new Decoded(Ethernet(0x86DD, Ipv6(0, hopByHop, payloadLength: 0)));
        Assert.False(d.Has(DecodeErrorKind.IpLengthZero));
        Assert.Equal(70000, d.Int("tcp.len"));
    }

    [Fact]
    public void A_default_packet_without_name_buffer_still_decodes_dns_headers()
    {
        var frame = Ethernet(0x0800, Ipv4(17, Udp(53, 1000, Concat(U16(9), U16(0), U16(1), new byte[6], [0], U16(1), U16(1)))));
        var packet = default(DecodedPacket);
        PacketDecoder.Default.Decode(frame, 1, frame.Length, ref packet);
        Assert.False(packet.HasError(DecodeErrorKind.DecoderFault));
        Assert.Equal(9, packet.Outer.DnsId);
        Assert.False(packet.Outer.Has(LayerParts.DnsQuestion));
    }

    [Fact]
    public void Wrong_ip_version_is_an_error()
    {
        var frame = Ethernet(0x86DD, Ipv4(6, Tcp(1, 2, 3, 4, 0x18, [])));
        var d = new Decoded(frame);
        Assert.True(d.Has(DecodeErrorKind.BadIpVersion));
        Assert.Null(d.Address("ipv6.src"));
    }

    [Fact]
    public void Every_cut_of_a_packet_decodes_what_is_there()
    {
        var full = Ethernet(0x0800, Ipv4(6, Tcp(1, 2, 3, 4, 0x12, [], AllOptions)));
        for (var length = 0; length <= full.Length; length++)
        {
            var d = new Decoded(full[..length], originalLength: full.Length);
            Assert.Equal(length >= 14 ? "02000000000a" : null, d.Mac("eth.src"));
            Assert.Equal(length >= 34 ? "10.0.0.1" : null, d.Address("ip.src"));
            Assert.Equal(length >= 42 ? 1 : null, d.Int("tcp.srcport")); // ports and seq need 8 bytes of TCP
            Assert.Equal(length >= 54 ? 4 : null, d.Int("tcp.ack"));
            Assert.Equal(length < full.Length, d.Bool("vnd.truncated"));
        }
    }
}
