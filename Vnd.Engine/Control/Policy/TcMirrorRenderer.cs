using System.Globalization;

namespace Vnd.Engine.Control.Policy;

/// <summary>
/// Renders a collection policy as Linux tc commands: a u32 filter per tap and match on the node port's clsact
/// hook, whose only action copies the packet to the capture point's collector port (paper §3.4.2: never disturb
/// forwarding).
/// <list type="bullet">
/// <item>Direction: a tap/veth device on the host sees what the node <em>sends</em> on its ingress hook and what
/// the node <em>receives</em> on its egress hook, so <see cref="TapDirection.FromNode"/> renders as
/// <c>ingress</c> and <see cref="TapDirection.ToNode"/> as <c>egress</c>.</item>
/// <item><c>mirred egress mirror</c> sends a clone; the original skb is untouched. The control action
/// <c>continue</c> lets classification go on to any later filter (the cloud's own), so adding a capture never
/// changes which of the cloud's filters a packet meets.</item>
/// <item>Priority <c>1 + 2·slot</c> on ingress and <c>2 + 2·slot</c> on egress: one prio per capture point and
/// hook, so <c>tc filter del ... prio N</c> removes exactly that capture point's filters. The hooks get different
/// prios because u32 keeps its hash tables per qdisc, shared by clsact's two hooks, and lists every table of a prio
/// under either hook. VND reserves prios 1..2·(collector ports) on tenant ports.</item>
/// <item>No VNI term: tc taps sit on tenant-owned ports only (never the tunnel port), where frames are already
/// decapsulated and belong to the port's network.</item>
/// <item>Port terms use fixed offsets (u32 has no transport header pointer without hash-table links), so they also
/// require IHL = 5 and fragment offset 0: a packet with IP options or a non-first fragment is not port-matched
/// instead of being matched on garbage bytes.</item>
/// </list>
/// Limitation: a packet that satisfies two expanded matches of the same capture point (e.g. source and
/// destination port both 80 under <c>tcp.port = 80</c>) is copied once per matching filter.
/// </summary>
public static class TcMirrorRenderer
{
    /// <summary>The tc commands per hypervisor.</summary>
    public static IReadOnlyList<MirrorRules> Render(CollectionPolicy policy)
    {
        var result = new List<MirrorRules>();
        foreach (var (hypervisor, points) in MirrorRuleRenderer.ByHypervisor(policy))
        {
            var install = new List<ShellCommand>();
            var remove = new List<ShellCommand>();
            var devices = new List<string>();
            foreach (var point in points)
            {
                foreach (var tap in point.Taps)
                {
                    if (!devices.Contains(tap.Port.Name))
                    {
                        devices.Add(tap.Port.Name);
                        // replace is idempotent on an existing clsact and refuses (harmlessly) to replace another
                        // qdisc such as a plain ingress one, where add would fail on the second capture point.
                        install.Add(ShellCommand.Of("tc", "qdisc", "replace", "dev", tap.Port.Name, "clsact"));
                    }
                }
            }
            foreach (var point in points)
            {
                var removed = new HashSet<(string, string)>();
                foreach (var tap in point.Taps)
                {
                    var hook = tap.Direction == TapDirection.FromNode ? "ingress" : "egress";
                    var prio = (2 * point.Slot + (tap.Direction == TapDirection.FromNode ? 1 : 2)).ToString(CultureInfo.InvariantCulture);
                    foreach (var match in point.Matches)
                        install.Add(Filter(tap.Port.Name, hook, prio, match, point.CollectorPort.Name));
                    if (removed.Add((tap.Port.Name, hook)))
                        remove.Add(ShellCommand.Of("tc", "filter", "del", "dev", tap.Port.Name, hook, "protocol", "ip", "prio", prio));
                }
            }
            result.Add(new MirrorRules(hypervisor, install, remove));
        }
        return result;
    }

    private static ShellCommand Filter(string device, string hook, string prio, FlowMatch match, string collector)
    {
        List<string> args = ["tc", "filter", "add", "dev", device, hook, "protocol", "ip", "prio", prio, "u32"];
        var keys = args.Count;
        if (match.SourcePort is not null || match.DestinationPort is not null)
        {
            args.AddRange(["match", "u8", "0x45", "0xff", "at", "0"]);
            args.AddRange(["match", "u16", "0", "0x1fff", "at", "6"]);
        }
        if (match.Source is { Length: > 0 } source)
            args.AddRange(["match", "ip", "src", source.ToString()]);
        if (match.Destination is { Length: > 0 } destination)
            args.AddRange(["match", "ip", "dst", destination.ToString()]);
        if (match.Protocol is { } protocol)
            args.AddRange(["match", "ip", "protocol", protocol.ToString(CultureInfo.InvariantCulture), "0xff"]);
        if (match.SourcePort is { } sport)
            args.AddRange(["match", "ip", "sport", sport.ToString(CultureInfo.InvariantCulture), "0xffff"]);
        if (match.DestinationPort is { } dport)
            args.AddRange(["match", "ip", "dport", dport.ToString(CultureInfo.InvariantCulture), "0xffff"]);
        if (args.Count == keys)
            args.AddRange(["match", "u32", "0", "0", "at", "0"]); // u32 needs one key; this one matches every packet
        args.AddRange(["action", "mirred", "egress", "mirror", "dev", collector, "continue"]);
        return new ShellCommand(args);
    }
}
