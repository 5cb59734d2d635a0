using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Control.Policy;

namespace Vnd.Engine.Tests.Control;

/// <summary>
/// Applies the rendered tc commands to real devices inside a throw-away network namespace: every command must be
/// accepted by the kernel, show up in <c>tc filter show</c>, be removed again by the rendered removal, and copy
/// packets in the documented direction.
/// </summary>
public sealed class TcMirrorApplyTests
{
    private static readonly CloudModel Cloud = DemoCloud.Load();

    [RootFact]
    public void ChainRulesApplyAndRemoveCleanly() => ApplyAndRemove(PolicyManager.Compute(Cloud, DemoRequests.Chain()));

    [RootFact]
    public void Figure5RulesApplyAndRemoveCleanly() => ApplyAndRemove(PolicyManager.Compute(Cloud, DemoRequests.Figure5()));

    [RootFact]
    public void NodeOutputCopiesWhatTheNodeSendsAndInputWhatItReceives()
    {
        // lb (10.0.0.5) connects to 10.0.0.8:80; nothing listens, so the SYN goes out and a RST comes back.
        var toPort80 = Copies(new FlowConstraint(FlowField.TcpDst, "80"));
        Assert.True(toPort80.Output > 0, "the SYN lb sent was not copied to lb.output");
        Assert.Equal(0, toPort80.Input);
        var fromPort80 = Copies(new FlowConstraint(FlowField.TcpSrc, "80"));
        Assert.True(fromPort80.Input > 0, "the RST lb received was not copied to lb.input");
        Assert.Equal(0, fromPort80.Output);
    }

    private static (long Input, long Output) Copies(FlowConstraint term)
    {
        var policy = PolicyManager.Compute(Cloud, new DiagnosisRequest("tenant2",
            [CaptureTarget.Node("lb", input: true, output: true, FlowPattern.Of(term))]));
        var rules = Assert.Single(TcMirrorRenderer.Render(policy));
        using var host = NetworkNamespace.Create();
        using var vm = NetworkNamespace.Create();
        var tap = policy.CapturePoints[0].Taps[0].Port.Name;
        host.Exec("ip", "link", "add", "name", tap, "type", "veth", "peer", "name", "vm-eth0");
        host.Exec("ip", "link", "set", "vm-eth0", "netns", vm.Name);
        host.Exec("ip", "addr", "add", "10.0.0.8/24", "dev", tap);
        host.Exec("ip", "link", "set", tap, "up");
        vm.Exec("ip", "addr", "add", "10.0.0.5/24", "dev", "vm-eth0");
        vm.Exec("ip", "link", "set", "vm-eth0", "up");
        foreach (var point in policy.CapturePoints)
            host.Veth(point.CollectorPort.Name, point.CollectorPort.Name + "-p");
        foreach (var command in rules.Install)
            host.Exec([.. command.Arguments]);
        var connect = vm.TryExec("timeout", "5", "bash", "-c", "exec 3<>/dev/tcp/10.0.0.8/80");
        Assert.Contains("refused", connect.Error, StringComparison.OrdinalIgnoreCase);
        var input = policy.CapturePoints.Single(p => p.Name == "lb.input").CollectorPort.Name + "-p";
        var output = policy.CapturePoints.Single(p => p.Name == "lb.output").CollectorPort.Name + "-p";
        return (host.RxPackets(input), host.RxPackets(output));
    }

    private static void ApplyAndRemove(CollectionPolicy policy)
    {
        foreach (var host in TcMirrorRenderer.Render(policy))
        {
            using var ns = NetworkNamespace.Create();
            var devices = host.Install.SelectMany(DevicesOf).Distinct().ToArray();
            for (var i = 0; i < devices.Length; i++)
                ns.Veth(devices[i], $"vndpeer{i}");
            foreach (var command in host.Install)
                ns.Exec([.. command.Arguments]);
            var filters = host.Install.Where(c => c.Arguments[1] == "filter").ToArray();
            foreach (var hook in filters.GroupBy(c => (Device: c.Arguments[4], Hook: c.Arguments[5])))
            {
                var shown = ns.Exec("tc", "filter", "show", "dev", hook.Key.Device, hook.Key.Hook);
                var copies = CountOf(shown, $"mirred (Egress Mirror to device {hook.First().Arguments[^2]}) continue");
                Assert.True(hook.Count() == copies, $"{host.Hypervisor} {hook.Key}: expected {hook.Count()} mirror filters:\n{shown}");
                Assert.Equal(hook.Count(), CountOf(shown, "mirred ("));
            }
            foreach (var command in host.Remove)
                ns.Exec([.. command.Arguments]);
            foreach (var hook in filters.Select(c => (c.Arguments[4], c.Arguments[5])).Distinct())
                Assert.Equal("", ns.Exec("tc", "filter", "show", "dev", hook.Item1, hook.Item2).Trim());
        }
    }

    private static IEnumerable<string> DevicesOf(ShellCommand command)
    {
        for (var i = 0; i + 1 < command.Arguments.Count; i++)
        {
            if (command.Arguments[i] == "dev")
                yield return command.Arguments[i + 1];
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
