using System.Buffers.Binary;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using static Vnd.Capture.Tests.Decoding.PacketBytes;

namespace Vnd.Capture.Tests.Decoding;

public class LinkLayerDecodingTests
{
    private static readonly byte[] UdpOverIpv4 = Ipv4(17, Udp(1111, 2222, new byte[4]));
    private static readonly byte[] UdpOverIpv6 = Ipv6(17, Udp(1111, 2222, new byte[4]));

    [Theory]
    [InlineData(101)]
    [InlineData(228)]
    public void Raw_ipv4(ushort linkType) => Assert.Equal(1111, new Decoded(UdpOverIpv4, linkType).Int("udp.srcport"));

    [Theory]
    [InlineData(101)]
    [InlineData(229)]
    public void Raw_ipv6(ushort linkType) => Assert.Equal(1111, new Decoded(UdpOverIpv6, linkType).Int("udp.srcport"));

    [Theory]
    [InlineData(2u, false)]
    [InlineData(24u, true)]
    [InlineData(28u, true)]
    [InlineData(30u, true)]
    public void Null_loopback_family_in_either_host_order(uint family, bool ipv6)
    {
        var payload = ipv6 ? UdpOverIpv6 : UdpOverIpv4;
        var little = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(little, family);
        Assert.Equal(1111, new Decoded(Concat(little, payload), 0).Int("udp.srcport"));
        Assert.Equal(1111, new Decoded(Concat(U32(family), payload), 0).Int("udp.srcport"));
        Assert.Equal(1111, new Decoded(Concat(U32(family), payload), 108).Int("udp.srcport"));
    }

    [Fact]
    public void Unknown_loopback_family_is_reported() =>
        Assert.True(new Decoded(Concat(U32(7), UdpOverIpv4), 108).Has(DecodeErrorKind.UnsupportedLinkType));

    [Fact]
    public void Linux_cooked_v1_and_v2()
    {
        var sll = Concat(new byte[14], U16(0x0800), UdpOverIpv4);
        Assert.Equal(2222, new Decoded(sll, 113).Int("udp.dstport"));
        var sll2 = Concat(U16(0x86DD), new byte[18], UdpOverIpv6);
        Assert.Equal(2222, new Decoded(sll2, 276).Int("udp.dstport"));
        Assert.True(new Decoded(new byte[10], 113).Has(DecodeErrorKind.TruncatedLinkHeader));
    }

    [Fact]
    public void Ppp_with_and_without_address_control()
    {
        Assert.Equal(1111, new Decoded(Concat([0xFF, 0x03, 0x00, 0x21], UdpOverIpv4), 9).Int("udp.srcport"));
        Assert.Equal(1111, new Decoded(Concat([0x00, 0x57], UdpOverIpv6), 9).Int("udp.srcport"));
        Assert.Equal(1111, new Decoded(Concat([0x21], UdpOverIpv4), 9).Int("udp.srcport"));
    }

    [Fact]
    public void Mpls_label_stack_over_ppp_reaches_ip()
    {
        var labels = Concat(U32(100 << 12), U32((200 << 12) | 0x100 | 64));
        var d = new Decoded(Concat([0xFF, 0x03, 0x02, 0x81], labels, UdpOverIpv4), 9);
        Assert.Equal(100, d.Int("mpls.label"));
        Assert.Equal("10.0.0.1", d.Address("ip.src"));
    }

    [Fact]
    public void Mpls_without_bottom_of_stack_is_bounded()
    {
        var labels = Enumerable.Repeat(U32(5 << 12), PacketDecoder.MaxMplsLabels + 2).SelectMany(b => b).ToArray();
        Assert.True(new Decoded(Ethernet(0x8847, labels)).Has(DecodeErrorKind.MplsTooDeep));
    }

    [Fact]
    public void Unknown_link_type_decodes_nothing()
    {
        var d = new Decoded(EthernetIpv4Tcp(4), 160);
        Assert.True(d.Has(DecodeErrorKind.UnknownLinkType));
        Assert.Null(d.Mac("eth.src"));
        Assert.Equal(160, d.Int("frame.link_type"));
    }

    [Fact]
    public void Vlan_stack_records_outer_id_and_count()
    {
        var frame = Ethernet(0x88A8, Concat(U16(100), U16(0x8100), U16(0x2000 | 200), U16(0x0800), UdpOverIpv4));
        var d = new Decoded(frame);
        Assert.Equal(100, d.Int("vlan.id"));
        Assert.Equal(2, d.Int("vlan.count"));
        Assert.Equal(0x0800, d.Int("eth.type"));
        Assert.Equal(200, d.Packet.Outer.VlanIds[1]);
        Assert.Equal(1111, d.Int("udp.srcport"));
        Assert.Equal(0, new Decoded(Ethernet(0x0800, UdpOverIpv4)).Int("vlan.count"));
        Assert.Null(new Decoded(Ethernet(0x0800, UdpOverIpv4)).Int("vlan.id"));
    }

    [Fact]
    public void An_untagged_frame_after_a_tagged_one_has_no_vlans()
    {
        // The importer reuses one decoded packet for many frames: nothing may carry over from the previous frame.
        var packet = DecodedPacket.Create();
        var tagged = Ethernet(0x8100, Concat(U16(42), U16(0x0800), UdpOverIpv4));
        var untagged = Ethernet(0x0800, UdpOverIpv4);
        PacketDecoder.Default.Decode(tagged, 1, tagged.Length, ref packet);
        PacketDecoder.Default.Decode(untagged, 1, untagged.Length, ref packet);
        Assert.True(FieldReader.TryGetInt64(in packet, untagged, FieldId.VlanCount, out var count));
        Assert.Equal(0, count);
        Assert.False(FieldReader.TryGetInt64(in packet, untagged, FieldId.VlanId, out _));
    }

    [Fact]
    public void Vlan_stack_deeper_than_the_bound_is_an_error()
    {
        var tags = Enumerable.Range(0, PacketDecoder.MaxVlanTags + 1).SelectMany(i => Concat(U16((ushort)i), U16(0x8100))).ToArray();
        var d = new Decoded(Ethernet(0x8100, Concat(tags, UdpOverIpv4)));
        Assert.True(d.Has(DecodeErrorKind.VlanTooDeep));
        Assert.Equal(0, d.Int("vlan.id"));
    }

    [Fact]
    public void Arp_in_llc_snap_over_802_3()
    {
        var arp = Concat(U16(1), U16(0x0800), [6, 4], U16(2), MacA, Ip4A, MacB, Ip4B);
        var snap = Concat([0xAA, 0xAA, 0x03, 0, 0, 0], U16(0x0806), arp);
        var d = new Decoded(Concat(Ethernet((ushort)snap.Length, snap), new byte[10]));
        Assert.Equal(2, d.Int("arp.opcode"));
        Assert.Equal("10.0.0.1", d.Address("arp.src.proto_ipv4"));
        Assert.Equal("10.0.0.2", d.Address("arp.dst.proto_ipv4"));
        Assert.Equal("02000000000a", d.Mac("arp.src.hw_mac"));
        Assert.Equal("02000000000b", d.Mac("arp.dst.hw_mac"));
    }

    [Fact]
    public void Arp_with_other_address_sizes_keeps_the_opcode()
    {
        var arp = Concat(U16(1), U16(0x0800), [14, 4], U16(1), new byte[36]);
        var d = new Decoded(Ethernet(0x0806, arp));
        Assert.Equal(1, d.Int("arp.opcode"));
        Assert.True(d.Has(DecodeErrorKind.ArpUnsupportedFormat));
        Assert.Null(d.Address("arp.src.proto_ipv4"));
    }

    [Fact]
    public void Short_ethernet_frame_is_truncated()
    {
        var d = new Decoded(new byte[13]);
        Assert.True(d.Has(DecodeErrorKind.TruncatedEthernet));
        Assert.True(d.Bool("vnd.truncated"));
    }
}
