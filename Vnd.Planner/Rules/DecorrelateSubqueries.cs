using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Rules;

/// <summary>
/// decorrelate_subqueries: a filter conjunct <c>[NOT] EXISTS (q)</c> or <c>x [NOT] IN (q)</c> becomes a join of the
/// filter's input with q: EXISTS and IN → semi join, NOT EXISTS → anti join, NOT IN → null-aware anti join (NULL
/// in the subquery or in x makes NOT IN unknown, so a plain anti join would return wrong rows). Correlated
/// predicates in q's top filter move into the join condition (extract_join_keys then makes them hash keys).
/// Subqueries whose correlation sits deeper (under an aggregate, a limit, …) are left as they are.
/// </summary>
public sealed class DecorrelateSubqueries : ILogicalRule
{
    public string Name => "decorrelate_subqueries";

    public RuleResult Apply(LogicalPlan plan)
    {
        var result = PlanWalk.TransformUp(plan, node => node is Filter filter ? Decorrelate(filter) : null);
        return RuleResult.Compare(plan, result);
    }

    private static LogicalPlan? Decorrelate(Filter filter)
    {
        var input = filter.Input;
        var kept = new List<BoundExpr>();
        var changed = false;
        foreach (var conjunct in ExprWalk.SplitConjunction(filter.Predicate))
        {
            var join = conjunct switch
            {
                BoundSubquery { Kind: SubqueryKind.Exists } s => ToJoin(input, s, JoinType.Semi),
                BoundCall { Name: "NOT", Kind: CallKind.Operator, Arguments: [BoundSubquery { Kind: SubqueryKind.Exists } s] } => ToJoin(input, s, JoinType.Anti),
                BoundSubquery { Kind: SubqueryKind.In, Negated: false } s => ToJoin(input, s, JoinType.Semi),
                BoundSubquery { Kind: SubqueryKind.In, Negated: true } s => ToJoin(input, s, JoinType.NullAwareAnti),
                _ => null,
            };
            if (join is null)
            {
                kept.Add(conjunct);
            }
            else
            {
                input = join;
                changed = true;
            }
        }
        if (!changed)
        {
            return null;
        }
        var rest = ExprWalk.Conjoin(kept);
        return rest is null ? input : new Filter(input, rest);
    }

    private static Join? ToJoin(LogicalPlan input, BoundSubquery subquery, JoinType type)
    {
        var available = new HashSet<ColumnId>(input.Output.Select(c => c.Id));
        var plan = subquery.Plan;
        BoundExpr? key = subquery.Kind == SubqueryKind.In ? BoundColumn.Of(plan.Output[0]) : null;
        // Peel projections: EXISTS ignores them, IN keeps its key as the projected expression.
        while (plan is Project project)
        {
            if (key is not null)
            {
                key = Substitute(key, project);
            }
            plan = project.Input;
        }
        var correlated = new List<BoundExpr>();
        if (plan is Filter inner)
        {
            var local = new List<BoundExpr>();
            foreach (var conjunct in ExprWalk.SplitConjunction(inner.Predicate))
            {
                var columns = ExprWalk.Columns(conjunct);
                (columns.Overlaps(available) ? correlated : local).Add(conjunct);
            }
            plan = ExprWalk.Conjoin(local) is { } remaining ? new Filter(inner.Input, remaining) : inner.Input;
        }
        // Anything still correlated, or correlated with a query further out, stays a subquery.
        var outer = PlanWalk.OuterReferences(plan);
        var conditionColumns = correlated.SelectMany(ExprWalk.Columns).Concat(key is null ? [] : ExprWalk.Columns(key));
        var produced = PlanWalk.Produced(plan);
        if (outer.Count > 0 || conditionColumns.Any(c => !available.Contains(c) && !produced.Contains(c)))
        {
            return null;
        }
        if (type == JoinType.NullAwareAnti && correlated.Count > 0)
        {
            return null; // correlated NOT IN: the NULL rule applies per outer row's subset; keep the subquery
        }
        var keys = key is null ? SqlList<EquiKey>.Empty : [new EquiKey(subquery.Operand!, key)];
        return new Join(type, input, plan, keys, ExprWalk.Conjoin(correlated));
    }

    private static BoundExpr Substitute(BoundExpr expr, Project project) =>
        ExprWalk.Transform(expr, e => e is BoundColumn c ? project.Items.FirstOrDefault(i => i.Column.Id == c.Id)?.Expr : null);
}
