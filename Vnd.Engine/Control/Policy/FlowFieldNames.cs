namespace Vnd.Engine.Control.Policy;

/// <summary>The dotted names tenants write in trace collection configurations (Fig. 4 line 3).</summary>
public static class FlowFieldNames
{
    private static readonly (string Name, FlowField Field)[] Names =
    [
        ("ip.src", FlowField.IpSrc), ("ip.dst", FlowField.IpDst), ("ip.host", FlowField.IpHost),
        ("ip.addr", FlowField.IpHost), ("ip.proto", FlowField.IpProto),
        ("tcp.src", FlowField.TcpSrc), ("tcp.srcport", FlowField.TcpSrc), ("tcp.dst", FlowField.TcpDst),
        ("tcp.dstport", FlowField.TcpDst), ("tcp.port", FlowField.TcpPort),
        ("udp.src", FlowField.UdpSrc), ("udp.srcport", FlowField.UdpSrc), ("udp.dst", FlowField.UdpDst),
        ("udp.dstport", FlowField.UdpDst), ("udp.port", FlowField.UdpPort),
        ("vxlan.vni", FlowField.Vni), ("vni", FlowField.Vni),
    ];

    /// <summary>Maps a dotted name (case-insensitive) to its field.</summary>
    public static bool TryParse(string name, out FlowField field)
    {
        foreach (var (candidate, value) in Names)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                field = value;
                return true;
            }
        }
        field = default;
        return false;
    }

    /// <summary>The canonical dotted name of a field.</summary>
    public static string Of(FlowField field)
    {
        foreach (var (name, value) in Names)
        {
            if (value == field)
                return name;
        }
        throw new ArgumentOutOfRangeException(nameof(field), field, null);
    }
}
