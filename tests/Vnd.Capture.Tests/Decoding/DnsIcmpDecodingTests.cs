using Vnd.Capture.Decoding;
using static Vnd.Capture.Tests.Decoding.PacketBytes;

namespace Vnd.Capture.Tests.Decoding;

public class DnsIcmpDecodingTests
{
    private static byte[] DnsHeader(ushort id, ushort flags, ushort questions) =>
        Concat(U16(id), U16(flags), U16(questions), U16(1), U16(0), U16(0));

    private static Decoded OverUdp(byte[] dns, ushort port = 53) => new(Ethernet(0x0800, Ipv4(17, Udp(port, 40000, dns))));

    [Fact]
    public void Dns_header_and_first_question()
    {
        var dns = Concat(DnsHeader(0xbeef, 0x8183, 1), [3, .. "www"u8, 7, .. "example"u8, 3, .. "com"u8, 0], U16(28), U16(1));
        var d = OverUdp(dns);
        Assert.Equal(0xbeef, d.Int("dns.id"));
        Assert.True(d.Bool("dns.flags.response"));
        Assert.Equal(3, d.Int("dns.flags.rcode"));
        Assert.Equal(0, d.Int("dns.flags.opcode"));
        Assert.Equal(1, d.Int("dns.count.queries"));
        Assert.Equal(1, d.Int("dns.count.answers"));
        Assert.Equal("www.example.com", d.Text("dns.qry.name"));
        Assert.Equal(28, d.Int("dns.qry.type"));
    }

    [Fact]
    public void Dns_name_follows_a_compression_pointer()
    {
        // Question name: label "a" then a pointer to "example.com" at offset 16, right after the question name.
        var dns = Concat(DnsHeader(1, 0x0100, 1), [1, (byte)'a', 0xC0, 16], [7, .. "example"u8, 3, .. "com"u8, 0]);
        Assert.Equal("a.example.com", OverUdp(dns).Text("dns.qry.name"));
    }

    [Fact]
    public void Dns_pointer_loop_is_malformed_not_a_hang()
    {
        var dns = Concat(DnsHeader(1, 0x0100, 1), [0xC0, 12], U16(1), U16(1));
        var d = OverUdp(dns);
        Assert.True(d.Has(DecodeErrorKind.DnsNameMalformed));
        Assert.Equal(1, d.Int("dns.id"));
        Assert.Null(d.Text("dns.qry.name"));
    }

    [Fact]
    public void Dns_root_name_and_unprintable_bytes()
    {
        Assert.Equal("<Root>", OverUdp(Concat(DnsHeader(1, 0, 1), [0], U16(2), U16(1))).Text("dns.qry.name"));
        Assert.Equal("a\\010b", OverUdp(Concat(DnsHeader(1, 0, 1), [3, (byte)'a', 10, (byte)'b', 0], U16(1), U16(1))).Text("dns.qry.name"));
    }

    [Fact]
    public void Dns_shorter_than_its_header_is_truncated()
    {
        var d = OverUdp(new byte[5]);
        Assert.True(d.Has(DecodeErrorKind.DnsTruncated));
        Assert.Null(d.Int("dns.id"));
    }

    [Fact]
    public void Dns_over_tcp_with_length_prefix()
    {
        var dns = Concat(DnsHeader(7, 0x0100, 1), [1, (byte)'x', 0], U16(1), U16(1));
        var d = new Decoded(Ethernet(0x0800, Ipv4(6, Tcp(40000, 53, 1, 1, 0x18, Concat(U16((ushort)dns.Length), dns)))));
        Assert.Equal(7, d.Int("dns.id"));
        Assert.Equal("x", d.Text("dns.qry.name"));
    }

    [Fact]
    public void Icmp_time_exceeded_quotes_the_probe()
    {
        var probe = Ipv4(17, Udp(33000, 33435, new byte[12]), src: [10, 1, 1, 1], dst: [12, 1, 1, 1], ttl: 1);
        var icmp = Concat([11, 0, 0, 0, 0, 0, 0, 0], probe[..28]);
        var d = new Decoded(Ethernet(0x0800, Ipv4(1, icmp, src: [10, 5, 0, 1])));
        Assert.Equal(11, d.Int("icmp.type"));
        Assert.Equal(0, d.Int("icmp.code"));
        Assert.Equal("10.5.0.1", d.Address("ip.src"));
        Assert.Equal("10.1.1.1", d.Address("quoted.ip.src"));
        Assert.Equal(33435, d.Int("quoted.udp.dstport"));
        Assert.Null(d.Int("udp.dstport"));
        Assert.Null(d.Address("inner.ip.src"));
        Assert.Equal(0UL, d.Packet.Errors);
    }

    [Fact]
    public void A_short_quote_is_not_a_truncated_packet()
    {
        var offending = Ipv4(6, Tcp(1, 2, 3, 4, 0x02, []), totalLength: 1500);
        var icmp = Concat([3, 4, 0, 0, 0, 0, 0, 0], offending[..28]); // IP header + 8 bytes of TCP, as RFC 792 quotes
        var d = new Decoded(Ethernet(0x0800, Ipv4(1, icmp)));
        Assert.Equal("10.0.0.1", d.Address("quoted.ip.src"));
        Assert.Equal(2, d.Int("quoted.tcp.dstport"));
        Assert.Equal(3, d.Int("quoted.tcp.seq"));
        Assert.Null(d.Int("quoted.tcp.ack"));
        Assert.Equal(0UL, d.Packet.Errors);
        Assert.False(d.Bool("vnd.truncated"));
    }

    [Fact]
    public void Icmpv6_type_and_code()
    {
        var d = new Decoded(Ethernet(0x86DD, Ipv6(58, [128, 0, 0, 0, 0, 1, 0, 1])));
        Assert.Equal(128, d.Int("icmpv6.type"));
        Assert.Equal(0, d.Int("icmpv6.code"));
        Assert.Null(d.Int("icmp.type"));
    }

    [Fact]
    public void Icmpv6_error_quotes_ipv6()
    {
        var quoted = Ipv6(17, Udp(1, 2, []), srcLast: 7);
        var d = new Decoded(Ethernet(0x86DD, Ipv6(58, Concat([3, 0, 0, 0, 0, 0, 0, 0], quoted))));
        Assert.Equal("2001::7", d.Address("quoted.ipv6.src"));
        Assert.Equal(2, d.Int("quoted.udp.dstport"));
    }
}
