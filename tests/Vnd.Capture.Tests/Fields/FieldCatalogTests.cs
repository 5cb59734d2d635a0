using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Planner.Types;

namespace Vnd.Capture.Tests.Fields;

public class FieldCatalogTests
{
    private static readonly FieldCatalog Catalog = FieldCatalog.Default;

    [Fact]
    public void Field_ids_are_unique_and_leave_the_layer_bits_free()
    {
        var values = Enum.GetValues<FieldId>().Select(v => (ushort)v).ToList();
        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.All(values, v => Assert.True(v < FieldIds.InnerBit, $"{(FieldId)v} collides with the layer bits"));
    }

    [Fact]
    public void Every_field_id_has_exactly_one_canonical_descriptor()
    {
        var outer = Catalog.Fields.Where(f => f.Layer == LayerRole.Outer).Select(f => f.Id).ToList();
        Assert.Equal(outer.Count, outer.Distinct().Count());
        Assert.Equal(Enum.GetValues<FieldId>().Where(v => v != FieldId.None).Order(), outer.Order());
        Assert.Equal(Catalog.Fields.Count, Catalog.Fields.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("ip.src", FieldId.IpSrc)]
    [InlineData("IP.SRC", FieldId.IpSrc)]
    [InlineData("tcp.src", FieldId.TcpSrcPort)]
    [InlineData("tcp.dst", FieldId.TcpDstPort)]
    [InlineData("udp.src", FieldId.UdpSrcPort)]
    [InlineData("udp.dst", FieldId.UdpDstPort)]
    [InlineData("tcp.seq_raw", FieldId.TcpSeq)]
    [InlineData("tcp.ack_raw", FieldId.TcpAck)]
    [InlineData("timestamp", FieldId.FrameTimeEpoch)]
    [InlineData("ip.proto", FieldId.IpProto)]
    [InlineData("vnd.packet_id", FieldId.VndPacketId)]
    public void Names_and_aliases_resolve_to_the_canonical_field(string name, FieldId id)
    {
        Assert.True(Catalog.TryResolve(name, out var field));
        Assert.Equal(id, field.Id);
        Assert.True(Catalog.TryGet(id, out var byId));
        Assert.Same(byId, field);
    }

    [Fact]
    public void Inner_and_quoted_variants_carry_the_layer_bit()
    {
        Assert.True(Catalog.TryResolve("inner.ip.src", out var inner));
        Assert.Equal(LayerRole.Inner, inner.Layer);
        Assert.Equal(FieldId.IpSrc, FieldIds.BaseOf(inner.Id));
        Assert.True(Catalog.TryResolve("Inner.TCP.Src", out var alias));
        Assert.Equal(FieldIds.WithLayer(FieldId.TcpSrcPort, LayerRole.Inner), alias.Id);
        Assert.True(Catalog.TryResolve("quoted.udp.dstport", out var quoted));
        Assert.Equal(LayerRole.Quoted, quoted.Layer);
        Assert.True(Catalog.TryResolve("inner.vxlan.vni", out _));
        Assert.False(Catalog.TryResolve("quoted.vxlan.vni", out _));
        Assert.False(Catalog.TryResolve("inner.frame.len", out _));
        Assert.False(Catalog.TryResolve("inner.timestamp", out _));
        Assert.False(Catalog.TryResolve("no.such.field", out _));
    }

    [Theory]
    [InlineData("frame.time_epoch", TypeId.TimestampTz, FieldKind.Timestamp)]
    [InlineData("eth.src", TypeId.MacAddr, FieldKind.Mac)]
    [InlineData("ip.src", TypeId.Inet, FieldKind.Address)]
    [InlineData("ipv6.dst", TypeId.Inet, FieldKind.Address)]
    [InlineData("tcp.seq", TypeId.Int8, FieldKind.Integer)]
    [InlineData("tcp.flags.syn", TypeId.Bool, FieldKind.Boolean)]
    [InlineData("dns.qry.name", TypeId.Text, FieldKind.Text)]
    [InlineData("l4.payload", TypeId.Bytea, FieldKind.Bytes)]
    [InlineData("vnd.flow_key", TypeId.Int8, FieldKind.Integer)]
    [InlineData("vnd.truncated", TypeId.Bool, FieldKind.Boolean)]
    public void Fields_have_sql_types_matching_their_kind(string name, TypeId type, FieldKind kind)
    {
        Assert.True(Catalog.TryResolve(name, out var field));
        Assert.Equal(type, field.Type.Id);
        Assert.Equal(kind, field.Kind);
    }

    [Fact]
    public void Address_families_follow_the_protocol()
    {
        Assert.True(Catalog.TryResolve("ip.dst", out var v4));
        Assert.Equal(InetFamily.V4, v4.Type.Family);
        Assert.True(Catalog.TryResolve("ipv6.src", out var v6));
        Assert.Equal(InetFamily.V6, v6.Type.Family);
    }

    [Fact]
    public void Every_field_reads_through_the_method_of_its_kind()
    {
        var frame = Decoding.PacketBytes.EthernetIpv4Tcp(8);
        var packet = DecodedPacket.Create();
        PacketDecoder.Default.Decode(frame, 1, frame.Length, ref packet);
        packet.TimestampNanos = 1_700_000_000_123_456_789;
        Span<byte> address = stackalloc byte[16];
        var present = 0;
        foreach (var field in Catalog.Fields.Where(f => f.Layer == LayerRole.Outer))
        {
            var has = field.Kind switch
            {
                FieldKind.Integer or FieldKind.Timestamp => FieldReader.TryGetInt64(in packet, frame, field.Id, out _),
                FieldKind.Boolean => FieldReader.TryGetBool(in packet, field.Id, out _),
                FieldKind.Address => FieldReader.TryGetAddress(in packet, field.Id, address, out _),
                FieldKind.Mac => FieldReader.TryGetMac(in packet, field.Id, out _),
                FieldKind.Text => FieldReader.TryGetText(in packet, field.Id, out _),
                FieldKind.Bytes => FieldReader.TryGetBytes(in packet, frame, field.Id, out _),
                _ => throw new InvalidOperationException(field.Name),
            };
            present += has ? 1 : 0;
        }
        // Ethernet/IPv4/TCP without options: frame, eth, ip, tcp fields and the derived ones.
        Assert.InRange(present, 35, 60);
        Assert.True(FieldReader.TryGetInt64(in packet, frame, FieldId.FrameTimeEpoch, out var ts));
        Assert.Equal(1_700_000_000_123_456_789, ts);
        Assert.False(FieldReader.TryGetInt64(in packet, frame, FieldId.FrameInterfaceId, out _));
        Assert.False(FieldReader.TryGetInt64(in packet, frame, FieldId.IcmpType, out _));
        Assert.False(FieldReader.TryGetAddress(in packet, FieldId.Ipv6Src, address, out _));
    }
}
