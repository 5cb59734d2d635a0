using Vnd.Planner.Tests.Binding;

namespace Vnd.Planner.Tests.Rules;

/// <summary>Each rule alone: small plan in, expected plan text out (rule-plans.txt), and unchanged reported as such.</summary>
public sealed class RuleTests
{
    public static TheoryData<string, string> Cases => GoldenPlans.Load("Rules/rule-plans.txt");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rewrites(string spec, string expected) => Assert.Equal(expected, RuleAssert.Run(spec));

    [Fact]
    public void Every_rule_has_a_unique_snake_case_name()
    {
        var names = Vnd.Planner.Rules.Optimizer.DefaultPasses.Select(r => r.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^[a-z]+(_[a-z]+)*$", n));
    }
}
