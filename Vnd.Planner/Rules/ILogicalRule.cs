using Vnd.Planner.Logical;

namespace Vnd.Planner.Rules;

/// <summary>A named logical rewrite. Rules are stateless; one instance may serve concurrent queries.</summary>
public interface ILogicalRule
{
    /// <summary>snake_case name used by EXPLAIN VERBOSE and by the setting that disables the pass.</summary>
    string Name { get; }

    RuleResult Apply(LogicalPlan plan);
}
