using Vnd.Planner.Rules;
using Vnd.Planner.Tests.Binding;

namespace Vnd.Planner.Tests.Rules;

internal static class RuleAssert
{
    public static ILogicalRule ByName(string name) => Optimizer.DefaultPasses.Single(r => r.Name == name);

    /// <summary>"[setup_rule, …,] rule_name | sql": binds the SQL and runs only that rule; returns the plan text or UNCHANGED.</summary>
    public static string Run(string spec)
    {
        var bar = spec.IndexOf('|', StringComparison.Ordinal);
        // "a, b | sql": a prepares the input (e.g. pushes filters into scans), b is the rule under test.
        var names = spec[..bar].Split(',', StringSplitOptions.TrimEntries);
        var rule = ByName(names[^1]);
        var plan = BindingAssert.Bind(spec[(bar + 1)..].Trim()).Plan;
        foreach (var setup in names[..^1])
        {
            plan = ByName(setup).Apply(plan).Plan;
        }
        var result = rule.Apply(plan);
        if (result.Changed)
        {
            Assert.NotEqual(plan, result.Plan);
            PlanInvariants.Check(result.Plan, rule.Name);
            return result.Plan.ToString();
        }
        Assert.Equal(plan, result.Plan);
        return "UNCHANGED\n";
    }
}
