using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Control.Policy;

namespace Vnd.Engine.Tests.Control;

/// <summary>
/// Installs the rendered OpenFlow rules on a real Open vSwitch bridge: ovs-ofctl must accept every rule, the
/// bridge must hold exactly the capture rules plus the table-0 default, each with its priority and
/// <c>output:collector,goto_table:1</c>, and the rendered removal must leave only the default.
/// </summary>
public sealed class OpenFlowMirrorApplyTests
{
    private static readonly CloudModel Cloud = DemoCloud.Load();

    [OvsFact]
    public void ChainRulesInstallAndRemoveCleanly() => InstallAndRemove(PolicyManager.Compute(Cloud, DemoRequests.Chain()));

    [OvsFact]
    public void Figure5RulesInstallAndRemoveCleanly() => InstallAndRemove(PolicyManager.Compute(Cloud, DemoRequests.Figure5()));

    [OvsFact]
    public void NodeOutputRulesSeeWhatTheNodeSendsAndInputRulesWhatItReceives()
    {
        var policy = PolicyManager.Compute(Cloud, new DiagnosisRequest("tenant2",
            [CaptureTarget.Node("lb", input: true, output: true, FlowPattern.Of(new FlowConstraint(FlowField.UdpDst, "80")))]));
        var rules = Assert.Single(OpenFlowMirrorRenderer.Render(policy));
        var tenant = Cloud.FindTenant("tenant2")!;
        using var ovs = OpenVSwitch.CreateBridge();
        using var lb = NetworkNamespace.Create();
        using var web1 = NetworkNamespace.Create();
        foreach (var (ns, node) in new[] { (lb, "lb"), (web1, "web1") })
        {
            var nic = tenant.FindNode(node)!.Interfaces[0];
            ovs.Plug(ns, nic.Port.OfPort, nic.Mac, nic.Address.AddressText + "/24");
        }
        foreach (var command in rules.Install)
            ovs.Ofctl(command.Arguments);
        // Stand-in for the cloud's forwarding in table 1, which the capture rules must leave alone.
        Tool.Check("ovs-ofctl", "-O", "OpenFlow13", "add-flow", ovs.Bridge, "table=1,priority=0,actions=NORMAL");
        var input = OpenFlowMirrorRenderer.Cookie(policy.CapturePoints.Single(p => p.Name == "lb.input"));
        var output = OpenFlowMirrorRenderer.Cookie(policy.CapturePoints.Single(p => p.Name == "lb.output"));

        lb.TryExec("bash", "-c", "echo probe > /dev/udp/10.0.0.8/80");
        Assert.True(WaitFor(() => ovs.Packets(output) > 0), "lb's datagram to web1:80 did not hit an lb.output rule");
        Assert.Equal(0, ovs.Packets(input));
        var sent = ovs.Packets(output);
        web1.TryExec("bash", "-c", "echo probe > /dev/udp/10.0.0.5/80");
        Assert.True(WaitFor(() => ovs.Packets(input) > 0), "web1's datagram to lb:80 did not hit an lb.input rule");
        Assert.Equal(sent, ovs.Packets(output));
    }

    /// <summary>Userspace-datapath flow statistics are refreshed periodically, so poll for a while.</summary>
    private static bool WaitFor(Func<bool> condition)
    {
        for (var i = 0; i < 50; i++)
        {
            if (condition())
                return true;
            Thread.Sleep(200);
        }
        return condition();
    }

    private static void InstallAndRemove(CollectionPolicy policy)
    {
        foreach (var host in OpenFlowMirrorRenderer.Render(policy))
        {
            using var ovs = OpenVSwitch.CreateBridge();
            foreach (var command in host.Install)
                ovs.Ofctl(command.Arguments);
            var captures = host.Install.Select(c => c.Arguments[^1]).Where(f => f != OpenFlowMirrorRenderer.DefaultRule).ToArray();
            var all = ovs.Flows();
            Assert.True(captures.Length + 1 == all.Length, $"expected {captures.Length} capture rules and the default:\n{string.Join('\n', all)}");
            Assert.Single(all, line => line.Contains("priority=0 actions=goto_table:1", StringComparison.Ordinal));
            foreach (var flow in captures)
                AssertInstalled(ovs, flow);
            foreach (var command in host.Remove)
                ovs.Ofctl(command.Arguments);
            var left = Assert.Single(ovs.Flows());
            Assert.Contains("table=0", left, StringComparison.Ordinal);
            Assert.Contains("priority=0 actions=goto_table:1", left, StringComparison.Ordinal);
        }
    }

    /// <summary>Finds the rule by its own match (cookie exact) and checks priority and actions survived parsing.</summary>
    private static void AssertInstalled(OpenVSwitch ovs, string flow)
    {
        var actions = flow[(flow.IndexOf(",actions=", StringComparison.Ordinal) + 1)..];
        var terms = flow[..flow.IndexOf(",actions=", StringComparison.Ordinal)].Split(',');
        var priority = terms.Single(t => t.StartsWith("priority=", StringComparison.Ordinal));
        var query = string.Join(',', terms.Where(t => t != priority).Select(t => t.StartsWith("cookie=", StringComparison.Ordinal) ? t + "/-1" : t));
        var found = ovs.Flows(query);
        Assert.True(found.Length >= 1, $"rule not found on the bridge: {flow}");
        Assert.Contains(found, line => line.Contains(priority + ",", StringComparison.Ordinal) && line.EndsWith(actions, StringComparison.Ordinal));
    }
}
