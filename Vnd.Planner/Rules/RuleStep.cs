using Vnd.Planner.Logical;

namespace Vnd.Planner.Rules;

/// <summary>
/// One pass of an optimisation: the rule, whether it ran (not disabled), whether it changed the plan, and the plan
/// after it (null when unchanged). The plan is kept, not its text: only EXPLAIN VERBOSE prints it, and formatting
/// every step of every statement cost more than some small queries take to run.
/// </summary>
public sealed record RuleStep(string Rule, bool Skipped, bool Changed, LogicalPlan? PlanAfter);
