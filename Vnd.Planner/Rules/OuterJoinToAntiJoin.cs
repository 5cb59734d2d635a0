using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Rules;

/// <summary>
/// outer_join_to_anti_join: <c>l LEFT JOIN r ON l.k = r.k … WHERE r.k IS NULL</c> is the paper's third way to write
/// loss, and it means an anti join: a matched row's r.k equals a value, so it is never NULL, and an unmatched row has
/// NULL in every column of r. The filter's other conjuncts stay above, reading r's columns as the NULLs they are.
/// An anti join keeps no right rows and lets the distributed planner ship only keys (or a set sketch).
/// </summary>
public sealed class OuterJoinToAntiJoin : ILogicalRule
{
    public string Name => "outer_join_to_anti_join";

    public RuleResult Apply(LogicalPlan plan)
    {
        var result = PlanWalk.TransformUp(plan, node => node is Filter { Input: Join { Type: JoinType.Left, Keys.Count: > 0 } join } filter
            ? Rewrite(filter, join)
            : null);
        return RuleResult.Compare(plan, result);
    }

    private static LogicalPlan? Rewrite(Filter filter, Join join)
    {
        var conjuncts = ExprWalk.SplitConjunction(filter.Predicate);
        var test = conjuncts.FindIndex(c => c is BoundIs { Test: IsTest.Null, Negated: false, Operand: BoundColumn column }
                                            && join.Keys.Any(k => k.Right is BoundColumn key && key.Id == column.Id));
        if (test < 0)
            return null;
        conjuncts.RemoveAt(test);
        var rightIds = join.Right.Output.Select(c => c.Id).ToHashSet();
        // Above the anti join the right side's columns exist only as NULLs of their types.
        var items = join.Left.Output.Select(c => new ProjectItem(c, BoundColumn.Of(c)))
            .Concat(join.Right.Output.Select(c => new ProjectItem(c, new BoundLiteral(null, c.Type))));
        LogicalPlan plan = new Project(join with { Type = JoinType.Anti }, SqlList.From(items));
        var rest = ExprWalk.Conjoin(conjuncts.Select(c => ExprWalk.Transform(c, e =>
            e is BoundColumn column && rightIds.Contains(column.Id) ? new BoundLiteral(null, column.Type) : null)));
        return rest is null ? plan : new Filter(plan, rest);
    }
}
