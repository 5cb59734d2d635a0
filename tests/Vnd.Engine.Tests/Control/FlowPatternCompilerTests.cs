using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Control.Policy;

namespace Vnd.Engine.Tests.Control;

public sealed class FlowPatternCompilerTests
{
    private static readonly Tenant Tenant1 = DemoCloud.Load().FindTenant("tenant1")!;

    [Fact]
    public void EmptyPatternMatchesAllIpOnAllTenantVnis()
    {
        var compiled = FlowPatternCompiler.Compile(Tenant1, FlowPattern.All);
        Assert.Equal([FlowMatch.Any], compiled.Matches);
        Assert.Equal([5001u, 5002u, 5003u, 5004u], compiled.Vnis);
    }

    [Fact]
    public void EitherDirectionTermsExpandIntoDirectedMatches()
    {
        var compiled = Compile(("ip.host", "10.0.0.6"), ("ip.host", "10.0.3.10"), ("tcp.port", "80"));
        Assert.Equal(
        [
            "src=10.0.0.6/32 dst=10.0.3.10/32 proto=6 sport=80",
            "src=10.0.0.6/32 dst=10.0.3.10/32 proto=6 dport=80",
            "src=10.0.3.10/32 dst=10.0.0.6/32 proto=6 sport=80",
            "src=10.0.3.10/32 dst=10.0.0.6/32 proto=6 dport=80",
        ], compiled.Matches.Select(m => m.ToString()));
    }

    [Fact]
    public void NestedBlocksNarrowAndDisjointOnesDrop()
    {
        var compiled = Compile(("ip.src", "10.0.0.0/24"), ("ip.host", "10.0.0.6"));
        // src must be in both the /24 and .6 -> src=.6; or dst=.6 with src anywhere in the /24.
        Assert.Equal(["src=10.0.0.6/32", "src=10.0.0.0/24 dst=10.0.0.6/32"], compiled.Matches.Select(m => m.ToString()));
    }

    [Fact]
    public void ContradictionsAreRefused()
    {
        var e = Assert.Throws<PolicyException>(() => Compile(("tcp.dst", "80"), ("udp.dst", "53")));
        Assert.Equal(PolicyException.InvalidParameterValue, e.SqlState);
        Assert.Contains("would match no packet", e.Message, StringComparison.Ordinal);
        Assert.Throws<PolicyException>(() => Compile(("ip.src", "10.0.0.6"), ("ip.src", "10.0.0.7")));
        Assert.Throws<PolicyException>(() => Compile(("ip.proto", "udp"), ("tcp.src", "1")));
    }

    [Fact]
    public void VniRestrictsToOneNetwork()
    {
        var compiled = Compile(("vxlan.vni", "5003"), ("ip.proto", "tcp"));
        Assert.Equal([5003u], compiled.Vnis);
        Assert.Equal(["proto=6"], compiled.Matches.Select(m => m.ToString()));
    }

    [Theory]
    [InlineData("ip.src", "10.0.0.300", PolicyException.InvalidTextRepresentation)]
    [InlineData("ip.src", "10.0.0.1/24", PolicyException.InvalidTextRepresentation)]
    [InlineData("tcp.dst", "65536", PolicyException.InvalidTextRepresentation)]
    [InlineData("ip.proto", "sctpx", PolicyException.InvalidTextRepresentation)]
    [InlineData("vni", "x", PolicyException.InvalidTextRepresentation)]
    [InlineData("ip.dst", "192.168.100.11", PolicyException.InsufficientPrivilege)]
    [InlineData("ip.dst", "10.0.9.0/24", PolicyException.InsufficientPrivilege)]
    [InlineData("vni", "6001", PolicyException.InsufficientPrivilege)]
    public void BadValuesAreRefusedWithTheirSqlState(string field, string value, string sqlState) =>
        Assert.Equal(sqlState, Assert.Throws<PolicyException>(() => Compile((field, value))).SqlState);

    [Fact]
    public void TooManyEitherDirectionTermsAreRefused()
    {
        var e = Assert.Throws<PolicyException>(() => Compile(("ip.host", "10.0.0.0/16"), ("ip.host", "10.0.0.0/20"),
            ("ip.host", "10.0.0.0/22"), ("tcp.port", "1"), ("tcp.port", "1")));
        Assert.Equal(PolicyException.StatementTooComplex, e.SqlState);
    }

    [Fact]
    public void DottedNamesMapToFields()
    {
        Assert.True(FlowFieldNames.TryParse("TCP.DstPort", out var field));
        Assert.Equal(FlowField.TcpDst, field);
        Assert.False(FlowFieldNames.TryParse("eth.src", out _));
        Assert.Equal("ip.host", FlowFieldNames.Of(FlowField.IpHost));
    }

    private static CompiledPattern Compile(params (string Field, string Value)[] terms)
    {
        var constraints = new List<FlowConstraint>();
        foreach (var (name, value) in terms)
        {
            Assert.True(FlowFieldNames.TryParse(name, out var field), name);
            constraints.Add(new FlowConstraint(field, value));
        }
        return FlowPatternCompiler.Compile(Tenant1, new FlowPattern(constraints));
    }
}
