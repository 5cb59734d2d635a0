using System.Text;
using Vnd.Planner.Rules;

namespace Vnd.Planner.Explain;

/// <summary>
/// EXPLAIN VERBOSE text (DataFusion's layout): the initial plan, then the plan after each rule, with
/// "SAME TEXT AS ABOVE" when the rule changed nothing and "SKIPPED (disabled)" for disabled passes.
/// </summary>
public static class VerboseExplain
{
    public static string Format(OptimizedPlan optimized)
    {
        var b = new StringBuilder();
        b.Append("initial_logical_plan\n");
        AppendIndented(b, PlanText.Format(optimized.Initial));
        foreach (var step in optimized.Steps)
        {
            b.Append("logical_plan after ").Append(step.Rule).Append('\n');
            if (step.Skipped)
            {
                b.Append("  SKIPPED (disabled)\n");
            }
            else if (!step.Changed)
            {
                b.Append("  SAME TEXT AS ABOVE\n");
            }
            else
            {
                AppendIndented(b, PlanText.Format(step.PlanAfter!));
            }
        }
        b.Append("logical_plan\n");
        AppendIndented(b, PlanText.Format(optimized.Plan));
        return b.ToString();
    }

    private static void AppendIndented(StringBuilder b, string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            b.Append("  ").Append(line).Append('\n');
        }
    }
}
