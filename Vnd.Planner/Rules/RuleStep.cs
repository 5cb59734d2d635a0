namespace Vnd.Planner.Rules;

/// <summary>One pass of an optimisation: the rule, whether it ran (not disabled), whether it changed the plan, and the plan after it.</summary>
public sealed record RuleStep(string Rule, bool Skipped, bool Changed, string PlanText);
