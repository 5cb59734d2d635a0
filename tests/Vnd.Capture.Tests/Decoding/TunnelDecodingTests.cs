using Vnd.Capture.Decoding;
using static Vnd.Capture.Tests.Decoding.PacketBytes;

namespace Vnd.Capture.Tests.Decoding;

public class TunnelDecodingTests
{
    private static readonly byte[] TenantFrame =
        Ethernet(0x0800, Ipv4(6, Tcp(1234, 80, 99, 0, 0x02, []), src: [192, 168, 0, 1], dst: [192, 168, 0, 2]), src: [2, 0, 0, 0, 0, 0x33]);

    private static byte[] OverUdp(ushort port, byte[] payload) => Ethernet(0x0800, Ipv4(17, Udp(40000, port, payload)));

    [Fact]
    public void Vxlan_outer_vni_and_inner_frame()
    {
        var d = new Decoded(OverUdp(4789, Vxlan(4711, TenantFrame)));
        Assert.Equal("10.0.0.1", d.Address("ip.src"));
        Assert.Equal(4789, d.Int("udp.dstport"));
        Assert.Equal(4711, d.Int("vxlan.vni"));
        Assert.Equal(4711, d.Int("inner.vxlan.vni"));
        Assert.Equal("020000000033", d.Mac("inner.eth.src"));
        Assert.Equal("192.168.0.1", d.Address("inner.ip.src"));
        Assert.Equal(1234, d.Int("inner.tcp.srcport"));
        Assert.Equal(1234, d.Int("inner.tcp.src"));
        Assert.True(d.Bool("inner.tcp.flags.syn"));
        Assert.Null(d.Int("tcp.srcport"));
        Assert.Equal(1, d.Int("vnd.tunnel_depth"));
    }

    [Fact]
    public void Vxlan_on_another_port_needs_the_option()
    {
        var frame = OverUdp(8472, Vxlan(100, TenantFrame));
        Assert.Null(new Decoded(frame).Int("vxlan.vni"));
        var d = new Decoded(frame, options: new DecoderOptions([4789, 8472]));
        Assert.Equal(100, d.Int("vxlan.vni"));
        Assert.Equal("192.168.0.1", d.Address("inner.ip.src"));
    }

    [Fact]
    public void Nested_vxlan_keeps_every_vni_and_the_innermost_frame()
    {
        var level3 = Vxlan(3, TenantFrame);
        var level2 = Vxlan(2, OverUdp(4789, level3));
        var d = new Decoded(OverUdp(4789, Vxlan(1, OverUdp(4789, level2))));
        Assert.Equal(3, d.Packet.VniCount);
        Assert.Equal([1u, 2u, 3u], [d.Packet.Vnis[0], d.Packet.Vnis[1], d.Packet.Vnis[2]]);
        Assert.Equal(1, d.Int("vxlan.vni"));
        Assert.Equal(3, d.Int("inner.vxlan.vni"));
        Assert.Equal("192.168.0.1", d.Address("inner.ip.src"));
        Assert.Equal("10.0.0.1", d.Address("ip.src"));
    }

    [Fact]
    public void Tunnels_nested_past_the_bound_stop_with_an_error()
    {
        var frame = TenantFrame;
        for (var i = 0; i < PacketDecoder.MaxTunnelDepth + 2; i++)
            frame = OverUdp(4789, Vxlan((uint)i, frame));
        Assert.True(new Decoded(frame).Has(DecodeErrorKind.TunnelTooDeep));
    }

    [Fact]
    public void Geneve_skips_options_and_decodes_the_inner_frame()
    {
        var options = new byte[8];
        var geneve = Concat([0x02, 0x00], U16(0x6558), U32(0xABCDEFu << 8), options, TenantFrame);
        var d = new Decoded(OverUdp(6081, geneve));
        Assert.Equal(0xABCDEF, d.Int("geneve.vni"));
        Assert.Equal("192.168.0.2", d.Address("inner.ip.dst"));
    }

    [Fact]
    public void Gre_with_key_carrying_ethernet()
    {
        var gre = Concat(U16(0x2000), U16(0x6558), U32(77), TenantFrame);
        var d = new Decoded(Ethernet(0x0800, Ipv4(47, gre)));
        Assert.Equal(0x6558, d.Int("gre.proto"));
        Assert.Equal(77, d.Int("gre.key"));
        Assert.Equal(80, d.Int("inner.tcp.dstport"));
    }

    [Fact]
    public void Gre_with_checksum_carrying_ipv4()
    {
        var gre = Concat(U16(0x8000), U16(0x0800), U32(0), Ipv4(17, Udp(7, 8, []), src: [172, 16, 0, 1]));
        var d = new Decoded(Ethernet(0x0800, Ipv4(47, gre)));
        Assert.Equal("172.16.0.1", d.Address("inner.ip.src"));
        Assert.Null(d.Mac("inner.eth.src"));
    }

    [Fact]
    public void Erspan_type_two_mirrors_an_ethernet_frame()
    {
        var erspan = Concat(U16(0x1064), U16(0x0001), U32(0));
        var gre = Concat(U16(0x1000), U16(0x88BE), U32(5), erspan, TenantFrame);
        var d = new Decoded(Ethernet(0x0800, Ipv4(47, gre)));
        Assert.Equal(0x88BE, d.Int("gre.proto"));
        Assert.Equal("192.168.0.1", d.Address("inner.ip.src"));
    }

    [Fact]
    public void Ip_in_ip()
    {
        var d = new Decoded(Ethernet(0x0800, Ipv4(4, Ipv4(17, Udp(7, 8, []), src: [172, 16, 0, 9]))));
        Assert.Equal("10.0.0.1", d.Address("ip.src"));
        Assert.Equal("172.16.0.9", d.Address("inner.ip.src"));
        Assert.Equal(7, d.Int("inner.udp.srcport"));
    }

    [Fact]
    public void Truncated_vxlan_header_is_reported()
    {
        var d = new Decoded(OverUdp(4789, [0x08, 0, 0]));
        Assert.True(d.Has(DecodeErrorKind.TruncatedTunnel));
        Assert.Null(d.Int("vxlan.vni"));
    }
}
