using Vnd.Planner.Logical;

namespace Vnd.Planner.Rules;

public sealed record OptimizedPlan(LogicalPlan Initial, LogicalPlan Plan, IReadOnlyList<RuleStep> Steps);
