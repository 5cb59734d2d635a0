using Vnd.Planner.Logical;

namespace Vnd.Planner.Rules;

/// <summary>A rule's answer: the plan and whether the rule changed it (DataFusion's Transformed::yes/no).</summary>
public readonly record struct RuleResult(LogicalPlan Plan, bool Changed)
{
    public static RuleResult Yes(LogicalPlan plan) => new(plan, true);

    public static RuleResult No(LogicalPlan plan) => new(plan, false);

    /// <summary>Changed exactly when the new plan differs structurally from the old one.</summary>
    public static RuleResult Compare(LogicalPlan before, LogicalPlan after) => new(after, !ReferenceEquals(before, after) && !before.Equals(after));
}
