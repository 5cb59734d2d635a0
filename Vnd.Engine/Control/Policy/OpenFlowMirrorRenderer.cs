using System.Globalization;
using System.Text;

namespace Vnd.Engine.Control.Policy;

/// <summary>
/// Renders a collection policy as Open vSwitch OpenFlow 1.3 rules (paper §3.4.2, Fig. 9): capture rules live in
/// table 0 and end in <c>output:COLLECTOR,goto_table:1</c>; forwarding lives in table 1, reached from table 0 by
/// a priority-0 default rule, so capture rules never overlap or rewrite forwarding rules.
/// <list type="bullet">
/// <item><see cref="TapDirection.FromNode"/>: <c>in_port</c> = the node's port.</item>
/// <item><see cref="TapDirection.ToNode"/>: table 0 runs before forwarding picks an output port, so frames headed
/// to the node are selected by <c>dl_dst</c> = its MAC and their entry: the tunnel port with
/// <c>tun_id</c> = the network's VNI (remote senders, restricted to the tenant's overlay), or a local port on the
/// same network. Frames routed to the node by a distributed router in later tables still carry the router's MAC
/// in table 0 and are not seen.</item>
/// <item>Cookie <c>0x564e44 &lt;&lt; 40 | slot</c> ("VND", slot) tags a capture point's rules on the bridge so
/// removal is one exact-cookie <c>del-flows</c>. Priority <c>1000 + slot</c> is unique per capture point; a packet
/// meets one table-0 rule, so where two capture points select the same packet on one bridge the higher slot's
/// trace gets it.</item>
/// </list>
/// </summary>
public static class OpenFlowMirrorRenderer
{
    /// <summary>The table-0 default that hands every packet to forwarding in table 1.</summary>
    public const string DefaultRule = "table=0,priority=0,actions=goto_table:1";

    /// <summary>The ovs-ofctl commands per hypervisor.</summary>
    public static IReadOnlyList<MirrorRules> Render(CollectionPolicy policy)
    {
        var result = new List<MirrorRules>();
        foreach (var (hypervisor, points) in MirrorRuleRenderer.ByHypervisor(policy))
        {
            var install = new List<ShellCommand>();
            var remove = new List<ShellCommand>();
            var bridges = new List<string>();
            foreach (var point in points)
            {
                if (!bridges.Contains(point.Bridge))
                {
                    bridges.Add(point.Bridge);
                    install.Add(Ofctl("add-flow", point.Bridge, DefaultRule));
                }
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var tap in point.Taps)
                {
                    foreach (var entry in Entries(point, tap))
                    {
                        foreach (var match in point.Matches)
                        {
                            var flow = Flow(point, entry, match);
                            if (seen.Add(flow))
                                install.Add(Ofctl("add-flow", point.Bridge, flow));
                        }
                    }
                }
                remove.Add(Ofctl("del-flows", point.Bridge, $"cookie={Cookie(point)}/-1"));
            }
            result.Add(new MirrorRules(hypervisor, install, remove));
        }
        return result;
    }

    /// <summary>The cookie that tags one capture point's rules.</summary>
    public static string Cookie(CapturePoint point) =>
        string.Create(CultureInfo.InvariantCulture, $"0x{(0x564e44UL << 40) | (uint)point.Slot:x}");

    private static ShellCommand Ofctl(string verb, string bridge, string flow) =>
        ShellCommand.Of("ovs-ofctl", "-O", "OpenFlow13", verb, bridge, flow);

    /// <summary>The ingress-port terms that select the tap's frames in table 0.</summary>
    private static List<string> Entries(CapturePoint point, CaptureTap tap)
    {
        if (tap.Direction == TapDirection.FromNode)
            return [$"in_port={tap.Port.OfPort}"];
        var entries = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"in_port={point.TunnelPort.OfPort},tun_id={tap.Vni},dl_dst={tap.Mac}"),
        };
        foreach (var peer in tap.LocalPeers)
            entries.Add(string.Create(CultureInfo.InvariantCulture, $"in_port={peer.OfPort},dl_dst={tap.Mac}"));
        return entries;
    }

    private static string Flow(CapturePoint point, string entry, FlowMatch match)
    {
        var flow = new StringBuilder();
        flow.Append(CultureInfo.InvariantCulture, $"table=0,cookie={Cookie(point)},priority={1000 + point.Slot},");
        flow.Append(match.Protocol switch
        {
            null => "ip",
            FlowMatch.Tcp => "tcp",
            FlowMatch.Udp => "udp",
            1 => "icmp",
            var other => string.Create(CultureInfo.InvariantCulture, $"ip,nw_proto={other}"),
        });
        flow.Append(',').Append(entry);
        if (match.Source is { Length: > 0 } source)
            flow.Append(",nw_src=").Append(source.ToString());
        if (match.Destination is { Length: > 0 } destination)
            flow.Append(",nw_dst=").Append(destination.ToString());
        if (match.SourcePort is { } sport)
            flow.Append(CultureInfo.InvariantCulture, $",tp_src={sport}");
        if (match.DestinationPort is { } dport)
            flow.Append(CultureInfo.InvariantCulture, $",tp_dst={dport}");
        flow.Append(CultureInfo.InvariantCulture, $",actions=output:{point.CollectorPort.OfPort},goto_table:1");
        return flow.ToString();
    }
}
