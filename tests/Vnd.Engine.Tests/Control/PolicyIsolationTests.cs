using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Control.Policy;

namespace Vnd.Engine.Tests.Control;

/// <summary>
/// Tenant isolation: tenant2 naming tenant1's objects gets exactly the answer it gets for names that exist
/// nowhere, so it cannot probe another tenant's topology.
/// </summary>
public sealed class PolicyIsolationTests
{
    private static readonly CloudModel Cloud = DemoCloud.Load();

    [Theory]
    [InlineData("re")] // tenant1's RE
    [InlineData("no-such-node")]
    public void ForeignAndMissingNodesGetTheSameRefusal(string node)
    {
        var e = Refuse(CaptureTarget.Node(node, true, false, FlowPattern.All));
        Assert.Equal(PolicyException.InsufficientPrivilege, e.SqlState);
        Assert.Equal($"node \"{node}\" does not exist in your virtual network", e.Message);
    }

    [Theory]
    [InlineData("A")] // tenant1's link
    [InlineData("Z")]
    public void ForeignAndMissingLinksGetTheSameRefusal(string link)
    {
        var e = Refuse(CaptureTarget.Link(link, FlowPattern.All));
        Assert.Equal(PolicyException.InsufficientPrivilege, e.SqlState);
        Assert.Equal($"link \"{link}\" does not exist in your virtual network", e.Message);
    }

    [Theory]
    [InlineData("10.0.3.10")] // tenant1's server
    [InlineData("10.0.7.7")]
    [InlineData("10.0.2.0/24")] // tenant1's hop-b
    public void ForeignAndMissingAddressesGetTheSameRefusal(string address)
    {
        var e = Refuse(CaptureTarget.Node("lb", true, true, FlowPattern.Of(new FlowConstraint(FlowField.IpHost, address))));
        Assert.Equal(PolicyException.InsufficientPrivilege, e.SqlState);
        Assert.Equal($"address {address} is not in your virtual network", e.Message);
    }

    [Theory]
    [InlineData("5001")] // tenant1's clients network
    [InlineData("7777")]
    public void ForeignAndMissingVnisGetTheSameRefusal(string vni)
    {
        var e = Refuse(CaptureTarget.Node("lb", true, false, FlowPattern.Of(new FlowConstraint(FlowField.Vni, vni))));
        Assert.Equal(PolicyException.InsufficientPrivilege, e.SqlState);
        Assert.Equal($"VNI {vni} is not in your virtual network", e.Message);
    }

    [Fact]
    public void ForeignNodeAsLinkEndpointGetsTheNodeRefusal()
    {
        var e = Refuse(CaptureTarget.Link("front", FlowPattern.All, "server"));
        Assert.Equal("node \"server\" does not exist in your virtual network", e.Message);
    }

    [Fact]
    public void SharedAddressResolvesInTheRequestersOwnNetwork()
    {
        // 10.0.0.6 is client1 for tenant1 and client for tenant2: each gets its own VNIs and ports only.
        var pattern = FlowPattern.Of(new FlowConstraint(FlowField.IpHost, "10.0.0.6"));
        var policy = PolicyManager.Compute(Cloud, new DiagnosisRequest("tenant2", [CaptureTarget.Node("client", true, true, pattern)]));
        var taps = policy.CapturePoints.SelectMany(p => p.Taps).ToArray();
        Assert.All(taps, t => Assert.Equal(6001u, t.Vni));
        Assert.All(taps, t => Assert.Equal("tap-t2-cl", t.Port.Name));
    }

    [Fact]
    public void RequestErrorsCarryTheirSqlStates()
    {
        Assert.Equal(PolicyException.InvalidParameterValue, Refuse(CaptureTarget.Node("lb", false, false, FlowPattern.All)).SqlState);
        Assert.Equal(PolicyException.InvalidParameterValue, Refuse(CaptureTarget.Link("front", FlowPattern.All, "web1")).SqlState);
        var twice = Assert.Throws<PolicyException>(() => PolicyManager.Compute(Cloud, new DiagnosisRequest("tenant2",
            [CaptureTarget.Node("lb", true, false, FlowPattern.All), CaptureTarget.Node("lb", true, false, FlowPattern.All)])));
        Assert.Equal(PolicyException.DuplicateObject, twice.SqlState);
        Assert.Equal(PolicyException.InsufficientPrivilege,
            Assert.Throws<PolicyException>(() => PolicyManager.Compute(Cloud, new DiagnosisRequest("nobody", []))).SqlState);
    }

    [Fact]
    public void VniOutsideTheNodesNetworksLeavesNothingToCapture()
    {
        var pattern = FlowPattern.Of(new FlowConstraint(FlowField.Vni, "5004"));
        var e = Assert.Throws<PolicyException>(() => PolicyManager.Compute(Cloud,
            new DiagnosisRequest("tenant1", [CaptureTarget.Node("re", true, false, pattern)])));
        Assert.Equal(PolicyException.InvalidParameterValue, e.SqlState);
    }

    [Fact]
    public void CollectorPortsAreNotSharedWithLivePolicies()
    {
        var fig5 = PolicyManager.Compute(Cloud, DemoRequests.Figure5());
        var chain = PolicyManager.Compute(Cloud, DemoRequests.Chain(), [fig5]);
        Assert.Equal(["vnd-c0", "vnd-c1"], fig5.CapturePoints.Select(p => p.CollectorPort.Name));
        // hv1 is free for A; on hv2 the lb captures hold c0 and c1, so B and C get c2 and c3.
        Assert.Equal(["vnd-c0", "vnd-c2", "vnd-c3"], chain.CapturePoints.Select(p => p.CollectorPort.Name));
        var e = Assert.Throws<PolicyException>(() => PolicyManager.Compute(Cloud, DemoRequests.Chain(), [fig5, chain]));
        Assert.Equal(PolicyException.InsufficientResources, e.SqlState);
        Assert.DoesNotContain("hv2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TenantsOwnLiveDiagnosesCountAgainstItsQuota()
    {
        var first = PolicyManager.Compute(Cloud, DemoRequests.Figure5());
        var other = PolicyManager.Compute(Cloud, new DiagnosisRequest("tenant1", [CaptureTarget.Link("A", FlowPattern.All, "re")]), [first]);
        var second = PolicyManager.Compute(Cloud, new DiagnosisRequest("tenant2",
            [CaptureTarget.Node("web2", true, false, FlowPattern.All)]), [first, other]);
        // tenant2 may run 2 diagnoses; tenant1's does not count against it.
        var e = Assert.Throws<PolicyException>(() => PolicyManager.Compute(Cloud, new DiagnosisRequest("tenant2",
            [CaptureTarget.Node("client", true, false, FlowPattern.All)]), [first, other, second]));
        Assert.Equal(PolicyException.ConfigurationLimitExceeded, e.SqlState);
        Assert.Equal("2 diagnoses are already running, the most your quota allows; stop one first", e.Message);
    }

    private static PolicyException Refuse(CaptureTarget target) =>
        Assert.Throws<PolicyException>(() => PolicyManager.Compute(Cloud, new DiagnosisRequest("tenant2", [target])));
}
