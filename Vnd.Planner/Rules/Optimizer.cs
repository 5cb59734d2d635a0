using Vnd.Planner.Errors;
using Vnd.Planner.Logical;

namespace Vnd.Planner.Rules;

/// <summary>
/// Runs the named passes in order (DuckDB's optimizer list): each can be disabled by name, and each step's plan is
/// recorded for EXPLAIN VERBOSE. After every pass (Debug builds; Release once after the last) the plan is checked: every column a node references must come from
/// its inputs (or an enclosing query), so a broken rewrite fails loudly instead of answering wrongly.
/// </summary>
public sealed class Optimizer(IReadOnlyList<ILogicalRule> passes)
{
    public static IReadOnlyList<ILogicalRule> DefaultPasses { get; } =
    [
        new ConstantFolding(),
        new DistinctAggregates(),
        new DecorrelateSubqueries(),
        new DecorrelateLateral(),
        new PushDownPredicates(),
        new ExtractJoinKeys(),
        new OuterJoinToAntiJoin(),
        new PruneProjections(),
        new PushDownLimit(),
        new SegmentPruningHints(),
    ];

    public static Optimizer Default { get; } = new(DefaultPasses);

    public IReadOnlyList<ILogicalRule> Passes { get; } = passes;

    public OptimizedPlan Optimize(LogicalPlan plan, IReadOnlySet<string>? disabled = null)
    {
        var steps = new List<RuleStep>(Passes.Count);
        var initial = plan;
        foreach (var pass in Passes)
        {
            if (disabled is not null && disabled.Contains(pass.Name))
            {
                steps.Add(new RuleStep(pass.Name, true, false, null));
                continue;
            }
            var result = pass.Apply(plan);
#if DEBUG
            // Debug builds (every test run) name the rule that broke a binding; Release checks once, below.
            if (result.Changed)
            {
                PlanInvariants.Check(result.Plan, pass.Name);
            }
#endif
            plan = result.Plan;
            steps.Add(new RuleStep(pass.Name, false, result.Changed, result.Changed ? plan : null));
        }
        if (!ReferenceEquals(plan, initial))
        {
            PlanInvariants.Check(plan, "the optimizer's passes");
        }
        return new OptimizedPlan(initial, plan, steps);
    }
}
