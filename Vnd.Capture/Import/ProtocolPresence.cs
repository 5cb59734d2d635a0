using System.Collections.Frozen;

namespace Vnd.Capture.Import;

/// <summary>
/// Protocol names used as boolean fields, as in capture filters (<c>Filter: tcp</c>, <c>udp = true</c>): a packet
/// has the protocol when it has the protocol's first header field. Inner layers use the <c>inner.</c> prefix.
/// </summary>
public static class ProtocolPresence
{
    private static readonly FrozenDictionary<string, string> Markers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["eth"] = "eth.src",
        ["vlan"] = "vlan.id",
        ["arp"] = "arp.opcode",
        ["ip"] = "ip.src",
        ["ipv6"] = "ipv6.src",
        ["icmp"] = "icmp.type",
        ["icmpv6"] = "icmpv6.type",
        ["tcp"] = "tcp.srcport",
        ["udp"] = "udp.srcport",
        ["dns"] = "dns.id",
        ["vxlan"] = "vxlan.vni",
        ["geneve"] = "geneve.vni",
        ["gre"] = "gre.proto",
        ["inner.eth"] = "inner.eth.src",
        ["inner.ip"] = "inner.ip.src",
        ["inner.ipv6"] = "inner.ipv6.src",
        ["inner.tcp"] = "inner.tcp.srcport",
        ["inner.udp"] = "inner.udp.srcport",
        ["inner.icmp"] = "inner.icmp.type",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The field whose presence marks the protocol, when <paramref name="name"/> is a protocol name.</summary>
    public static bool TryGetMarker(string name, out string markerField) => Markers.TryGetValue(name, out markerField!);
}
