using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Capture.Tests.Decoding;
using Vnd.Capture.Tests.Support;
using Vnd.Tests.Shared;
using static Vnd.Capture.Tests.Decoding.PacketBytes;

namespace Vnd.Capture.Tests.Fields;

public class DerivedFieldTests
{
    [Fact]
    public void Packet_id_is_ip_id_plus_seq_shifted()
    {
        var d = new Decoded(Ethernet(0x0800, Ipv4(6, Tcp(1, 2, 0xDEADBEEF, 0, 0x10, []), id: 0x1234)));
        Assert.Equal(0x1234 + (0xDEADBEEFL << 16), d.Int("vnd.packet_id"));
        Assert.Equal(0x1234, new Decoded(Ethernet(0x0800, Ipv4(17, Udp(1, 2, []), id: 0x1234))).Int("vnd.packet_id"));
        Assert.Equal(0xDEADBEEFL << 16, new Decoded(Ethernet(0x86DD, Ipv6(6, Tcp(1, 2, 0xDEADBEEF, 0, 0x10, [])))).Int("vnd.packet_id"));
        Assert.Null(new Decoded(Ethernet(0x86DD, Ipv6(17, Udp(1, 2, [])))).Int("vnd.packet_id"));
        Assert.Null(new Decoded(Ethernet(0x0806, new byte[28])).Int("vnd.packet_id"));
    }

    [Fact]
    public void Payload_hash_depends_on_the_captured_payload_only()
    {
        var a = new Decoded(Ethernet(0x0800, Ipv4(6, Tcp(1, 2, 3, 4, 0x18, "same"u8.ToArray()), id: 1)));
        var b = new Decoded(Ethernet(0x0800, Ipv4(6, Tcp(9, 8, 7, 6, 0x18, "same"u8.ToArray()), id: 2)));
        var c = new Decoded(Ethernet(0x0800, Ipv4(6, Tcp(1, 2, 3, 4, 0x18, "diff"u8.ToArray()), id: 1)));
        Assert.Equal(a.Int("vnd.payload_hash"), b.Int("vnd.payload_hash"));
        Assert.NotEqual(a.Int("vnd.payload_hash"), c.Int("vnd.payload_hash"));
    }

    [Fact]
    public void Flow_key_is_the_same_in_both_directions()
    {
        var there = new Decoded(Ethernet(0x0800, Ipv4(6, Tcp(40000, 80, 1, 0, 0x02, []), src: Ip4A, dst: Ip4B)));
        var back = new Decoded(Ethernet(0x0800, Ipv4(6, Tcp(80, 40000, 1, 2, 0x12, []), src: Ip4B, dst: Ip4A)));
        var other = new Decoded(Ethernet(0x0800, Ipv4(6, Tcp(40001, 80, 1, 0, 0x02, []), src: Ip4A, dst: Ip4B)));
        Assert.Equal(there.Int("vnd.flow_key"), back.Int("vnd.flow_key"));
        Assert.NotEqual(there.Int("vnd.flow_key"), other.Int("vnd.flow_key"));
    }

    /// <summary>
    /// MANIFEST "Tenant isolation": one HTTP connection three times over, in VNI 4711, VNI 4242 and bare, with
    /// the same inner 5-tuple. Each copy must be its own flow, and each flow must hold both directions (14 packets).
    /// </summary>
    [Theory]
    [InlineData("tunnels/zeek_vxlan-overlapping-http-get.pcap")]
    [InlineData("vlan/zeek_vlan-collisions.pcap")]
    public void Flow_key_separates_tenants_with_overlapping_addresses(string file)
    {
        var flows = new Dictionary<long, int>();
        foreach (var frame in SampleCaptures.Read(SharedData.Pcap(file)))
        {
            var d = new Decoded(frame.Data, frame.LinkType, frame.OriginalLength);
            var tcp = d.Int("inner.tcp.srcport") ?? d.Int("tcp.srcport");
            if (tcp is null)
                continue;
            var key = d.Int("vnd.flow_key")!.Value;
            flows[key] = flows.GetValueOrDefault(key) + 1;
        }
        Assert.Equal(3, flows.Count);
        Assert.All(flows.Values, count => Assert.Equal(14, count));
    }

    [Fact]
    public void Decode_errors_and_truncated_flag()
    {
        var clean = new Decoded(EthernetIpv4Tcp(0));
        Assert.Equal(0, clean.Int("vnd.decode_errors"));
        Assert.False(clean.Bool("vnd.truncated"));
        var bad = new Decoded(Ethernet(0x0800, Ipv4(6, Tcp(1, 2, 3, 4, 0, [], dataOffsetWords: 2))));
        Assert.Equal((long)DecodeErrors.Bit(DecodeErrorKind.TcpDataOffsetTooSmall), bad.Int("vnd.decode_errors"));
        Assert.False(bad.Bool("vnd.truncated"));
    }
}
