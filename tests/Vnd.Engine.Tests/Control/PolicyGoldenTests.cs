using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Control.Policy;

namespace Vnd.Engine.Tests.Control;

/// <summary>Golden policies and rendered rules for the paper's two scenarios on the demo cloud.</summary>
public sealed class PolicyGoldenTests
{
    private static readonly CloudModel Cloud = DemoCloud.Load();

    [Fact]
    public void ChainPolicy() => Golden.Check("chain.policy.json", PolicyManager.Compute(Cloud, DemoRequests.Chain()).ToJson() + "\n");

    [Fact]
    public void ChainTcRules() =>
        Golden.Check("chain.tc.txt", DemoRequests.Describe(TcMirrorRenderer.Render(PolicyManager.Compute(Cloud, DemoRequests.Chain()))));

    [Fact]
    public void ChainOpenFlowRules() =>
        Golden.Check("chain.ovs.txt", DemoRequests.Describe(OpenFlowMirrorRenderer.Render(PolicyManager.Compute(Cloud, DemoRequests.Chain()))));

    [Fact]
    public void Figure5Policy() => Golden.Check("fig5.policy.json", PolicyManager.Compute(Cloud, DemoRequests.Figure5()).ToJson() + "\n");

    [Fact]
    public void Figure5TcRules() =>
        Golden.Check("fig5.tc.txt", DemoRequests.Describe(TcMirrorRenderer.Render(PolicyManager.Compute(Cloud, DemoRequests.Figure5()))));

    [Fact]
    public void Figure5OpenFlowRules() =>
        Golden.Check("fig5.ovs.txt", DemoRequests.Describe(OpenFlowMirrorRenderer.Render(PolicyManager.Compute(Cloud, DemoRequests.Figure5()))));

    [Fact]
    public void PolicyJsonRoundTrips()
    {
        var policy = PolicyManager.Compute(Cloud, DemoRequests.Chain());
        var copy = CollectionPolicy.FromJson(policy.ToJson());
        Assert.Equal(policy.ToJson(), copy.ToJson());
        // Rules rendered from the stored copy are the ones that were installed, so removal after a restart works.
        Assert.Equal(DemoRequests.Describe(TcMirrorRenderer.Render(policy)), DemoRequests.Describe(TcMirrorRenderer.Render(copy)));
        Assert.Equal(DemoRequests.Describe(OpenFlowMirrorRenderer.Render(policy)), DemoRequests.Describe(OpenFlowMirrorRenderer.Render(copy)));
    }

    [Fact]
    public void LinkCapturedAtBothEndsGivesOneTracePerEnd()
    {
        var policy = PolicyManager.Compute(Cloud, new DiagnosisRequest("tenant1", [CaptureTarget.Link("B", FlowPattern.All)]));
        Assert.Equal(["B@re", "B@ids"], policy.CapturePoints.Select(p => p.Name));
        Assert.Equal([("hv1", "tap-t1-re1"), ("hv2", "tap-t1-ids0")],
            policy.CapturePoints.Select(p => (p.Hypervisor, p.Taps[0].Port.Name)));
    }

    [Fact]
    public void ShellFormQuotesOnlyWhatAShellWouldInterpret()
    {
        Assert.Equal("tc filter add dev tap-t1-re0", ShellCommand.Of("tc", "filter", "add", "dev", "tap-t1-re0").ToString());
        Assert.Equal("ovs-ofctl add-flow br \"table=0,actions=resubmit(,1)\" \"\"",
            ShellCommand.Of("ovs-ofctl", "add-flow", "br", "table=0,actions=resubmit(,1)", "").ToString());
    }

    [Fact]
    public void ChainCapturesSitWithTheirTableServers()
    {
        var policy = PolicyManager.Compute(Cloud, DemoRequests.Chain());
        Assert.Equal(["A", "B", "C"], policy.CapturePoints.Select(p => p.Name));
        Assert.Equal(["hv1", "hv2", "hv2"], policy.CapturePoints.Select(p => p.Hypervisor));
        Assert.Equal(["ts-hv1", "ts-hv2", "ts-hv2"], policy.CapturePoints.Select(p => p.TableServer));
        // Each trace has its own collector port on its hypervisor's table server.
        Assert.Equal(["vnd-c0", "vnd-c0", "vnd-c1"], policy.CapturePoints.Select(p => p.CollectorPort.Name));
        var b = policy.CapturePoints[1];
        Assert.Equal([TapDirection.FromNode, TapDirection.ToNode], b.Taps.Select(t => t.Direction));
        Assert.All(b.Taps, t => Assert.Equal(("ids", "eth0", 5003u), (t.Node, t.Interface, t.Vni)));
        // The RE is on hv1, so nothing local on hv2 shares hop-b with the IDS: its input arrives by tunnel only.
        Assert.Empty(b.Taps[1].LocalPeers);
        Assert.Equal([new SwitchPort("tap-t1-ids1", 12)], policy.CapturePoints[2].Taps[1].LocalPeers);
    }
}
