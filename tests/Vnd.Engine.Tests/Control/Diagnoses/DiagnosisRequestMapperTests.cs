using Vnd.Engine.Control.Configs;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.Control.Policy;
using Vnd.Engine.Tests.Control;

namespace Vnd.Engine.Tests.Control.Diagnoses;

public sealed class DiagnosisRequestMapperTests
{
    private static DiagnosisRequest Map(string tenant, string text) =>
        DiagnosisRequestMapper.Map(tenant, TraceCollectionConfigurationParser.Parse(text));

    [Fact]
    public void Figure5BecomesOneNodeTargetPerFlowPatternWithInputAndOutput()
    {
        var request = Map("tenant2", PaperFigure5.Example);

        Assert.Equal("tenant2", request.Tenant);
        Assert.Collection(request.Targets,
            first =>
            {
                Assert.Equal((CaptureTargetKind.Node, "lb", true, true), (first.Kind, first.Name, first.CaptureInput, first.CaptureOutput));
                Assert.Equal("ip.src = 10.0.0.6, ip.dst = 10.0.0.8, tcp.dst = 80", first.Pattern.ToString());
            },
            second => Assert.Equal("ip.src = 10.0.0.8, ip.dst = 10.0.0.6, tcp.src = 80", second.Pattern.ToString()));
    }

    [Fact]
    public void ChainLinksAreCapturedAtTheNamedEndsAndAnApplianceWithoutPatternCapturesAll()
    {
        var request = Map("tenant1", DiagnosisTexts.Chain + "\n" + """
            Appliance Type Node : ids
            Capture Point output
            """);

        Assert.Equal(["A@re", "B@ids", "C@server"], request.Targets.Take(3).Select(t => $"{t.Name}@{string.Join(",", t.Endpoints)}"));
        Assert.Equal("ip.host = 10.0.3.10", request.Targets[0].Pattern.ToString());
        var ids = request.Targets[3];
        Assert.Equal((CaptureTargetKind.Node, false, true), (ids.Kind, ids.CaptureInput, ids.CaptureOutput));
        Assert.Same(Vnd.Engine.Control.Policy.FlowPattern.All, ids.Pattern);
    }

    [Fact]
    public void PrefixesAndProtocolNamesKeepTheirMeaning()
    {
        var request = Map("tenant1", """
            Appliance Type Node : re
            Capture Point input
            Flow Pattern ip.src = 10.0.1.0/24, ip.proto = tcp, vxlan.vni = 5002
            """);

        Assert.Equal("ip.src = 10.0.1.0/24, ip.proto = 6, vxlan.vni = 5002", request.Targets[0].Pattern.ToString());
    }

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "Virtual Appliance Link : A\nCapture Point input", DiagnosisException.SyntaxError, "line 2, column 15: capture point \"input\" of link A" },
        { "Appliance Type Node : lb\nCapture Point input\nFlow Pattern ip.ttl = 5", DiagnosisException.InvalidParameterValue, "line 3, column 14: flow patterns can match" },
        { "Appliance Type Node : lb\nCapture Point input\nFlow Pattern ip.src = fe80::1", DiagnosisException.InvalidParameterValue, "line 3, column 23: ip.src cannot be matched against an IPv6 address" },
        { "Appliance Type Node : lb\nCapture Point input\nFlow Pattern ip.src = fa:16:3e:01:00:06", DiagnosisException.InvalidParameterValue, "line 3, column 23: ip.src cannot be matched against a" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void RefusalsNameTheLineAndColumn(string text, string sqlState, string message)
    {
        var error = Assert.Throws<DiagnosisException>(() => Map("tenant2", text));

        Assert.Equal(sqlState, error.SqlState);
        Assert.StartsWith(message, error.Message);
    }
}
