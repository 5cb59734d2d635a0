using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Control.Configs;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.Control.Policy;

namespace Vnd.Engine.Tests.Control.Diagnoses;

public sealed class PolicyComposerTests
{
    private static CollectionPolicy Compose(string tenant, string text, IReadOnlyCollection<CollectionPolicy>? live = null) =>
        PolicyComposer.Compute(DemoCloud.Load(), DiagnosisRequestMapper.Map(tenant, TraceCollectionConfigurationParser.Parse(text)), live ?? []);

    private static string Patterns(int count)
    {
        var text = "Appliance Type Node : lb\nCapture Point input\n";
        for (var i = 0; i < count; i++)
            text += $"Flow Pattern ip.src = 10.0.0.{i + 1}\n";
        return text;
    }

    [Fact]
    public void EveryPatternOfAnApplianceBecomesMatchesOfTheSameCapturePointOnOneCollector()
    {
        var policy = Compose("tenant2", Patterns(3));

        var point = Assert.Single(policy.CapturePoints);
        Assert.Equal(["src=10.0.0.1/32", "src=10.0.0.2/32", "src=10.0.0.3/32"], point.Matches.Select(m => m.ToString()));
        Assert.Single(point.Taps);
        Assert.Equal("ip.src = 10.0.0.1", point.Pattern.ToString());
    }

    [Fact]
    public void ARepeatedPatternAddsNoRuleAndTheComposedPolicyRoundTripsAsJson()
    {
        var policy = Compose("tenant2", PaperFigure5.Example + "\nFlow Pattern ip.src = 10.0.0.6, ip.dst = 10.0.0.8, tcp.dst = 80");

        Assert.All(policy.CapturePoints, p => Assert.Equal(2, p.Matches.Count));
        Assert.Equal(policy.ToJson(), CollectionPolicy.FromJson(policy.ToJson()).ToJson());
    }

    [Fact]
    public void PatternsThatTogetherNeedTooManyRulesAreRefused()
    {
        Compose("tenant2", Patterns(FlowPatternCompiler.MaxMatches));

        var error = Assert.Throws<PolicyException>(() => Compose("tenant2", Patterns(FlowPatternCompiler.MaxMatches + 1)));

        Assert.Equal(PolicyException.StatementTooComplex, error.SqlState);
    }

    [Fact]
    public void AFurtherPatternIsCheckedInTheTenantsOwnNetwork()
    {
        var error = Assert.Throws<PolicyException>(() => Compose("tenant2", PaperFigure5.Example + "\nFlow Pattern ip.host = 10.0.3.10"));

        Assert.Equal(PolicyException.InsufficientPrivilege, error.SqlState);
    }
}
