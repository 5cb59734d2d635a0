using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Rules;

/// <summary>
/// push_down_predicates: moves filter conjuncts as close to the scans as their columns allow: through projections
/// (substituting the projected expressions), sorts and aggregates (conjuncts on group keys only), into the join side
/// that produces their columns (only sides an outer join does not NULL-extend), into the join condition when they
/// span both sides of an inner or comma join (which turns a cross join into an inner join), and finally into the
/// scan's filters. Conjuncts holding subqueries stay put.
/// </summary>
public sealed class PushDownPredicates : ILogicalRule
{
    public string Name => "push_down_predicates";

    public RuleResult Apply(LogicalPlan plan)
    {
        var result = Push(plan);
        return RuleResult.Compare(plan, result);
    }

    private static LogicalPlan Push(LogicalPlan plan)
    {
        if (plan is Filter filter)
        {
            var pushed = PushInto(filter.Input, ExprWalk.SplitConjunction(filter.Predicate));
            // Nothing moved (same conjuncts left on top): continue below instead of pushing the same filter again.
            return pushed is Filter kept && kept.Predicate.Equals(filter.Predicate) ? kept.WithInputs([Push(kept.Input)]) : Push(pushed);
        }
        if (plan is Join join && join.Residual is not null && join.Type is JoinType.Inner or JoinType.Left or JoinType.Semi or JoinType.Anti or JoinType.Right)
        {
            plan = PushJoinCondition(join);
        }
        var inputs = plan.Inputs;
        return inputs.Count == 0 ? plan : plan.WithInputs(SqlList.From(inputs.Select(Push)));
    }

    /// <summary>Places conjuncts on or below <paramref name="input"/>; returns the replacement for Filter(input).</summary>
    private static LogicalPlan PushInto(LogicalPlan input, List<BoundExpr> conjuncts)
    {
        var movable = conjuncts.Where(c => !ExprWalk.Any(c, e => e is BoundSubquery)).ToList();
        var stay = conjuncts.Where(c => !movable.Contains(c)).ToList();
        LogicalPlan result;
        switch (input)
        {
            case Filter below:
                return PushInto(below.Input, [.. ExprWalk.SplitConjunction(below.Predicate), .. conjuncts]);
            case Scan scan when movable.Count > 0:
                result = scan with { Filters = SqlList.From(scan.Filters.Concat(movable)) };
                break;
            case Project project when movable.Count > 0:
                var substituted = movable.Select(c => Substitute(c, project.Items)).ToList();
                result = project with { Input = Wrap(project.Input, substituted) };
                break;
            case Sort sort when movable.Count > 0 && sort.Fetch is null:
                result = sort with { Input = Wrap(sort.Input, movable) };
                break;
            case Aggregate aggregate when movable.Count > 0 && aggregate.Groups.Count > 0:
                result = PushIntoAggregate(aggregate, movable, stay);
                break;
            case Join join when movable.Count > 0:
                result = PushIntoJoin(join, movable, stay);
                break;
            default:
                result = input;
                stay = conjuncts;
                break;
        }
        return ExprWalk.Conjoin(stay) is { } rest ? new Filter(result, rest) : result;
    }

    private static LogicalPlan Wrap(LogicalPlan input, List<BoundExpr> conjuncts) =>
        ExprWalk.Conjoin(conjuncts) is { } predicate ? new Filter(input, predicate) : input;

    private static BoundExpr Substitute(BoundExpr expr, SqlList<ProjectItem> items) =>
        ExprWalk.Transform(expr, e => e is BoundColumn c ? items.FirstOrDefault(i => i.Column.Id == c.Id)?.Expr : null);

    private static LogicalPlan PushIntoAggregate(Aggregate aggregate, List<BoundExpr> movable, List<BoundExpr> stay)
    {
        var groupIds = aggregate.Groups.Select(g => g.Column.Id).ToHashSet();
        var below = new List<BoundExpr>();
        foreach (var conjunct in movable)
        {
            if (ExprWalk.Columns(conjunct).IsSubsetOf(groupIds))
            {
                below.Add(Substitute(conjunct, aggregate.Groups));
            }
            else
            {
                stay.Add(conjunct);
            }
        }
        return below.Count == 0 ? aggregate : aggregate with { Input = Wrap(aggregate.Input, below) };
    }

    private static LogicalPlan PushIntoJoin(Join join, List<BoundExpr> movable, List<BoundExpr> stay)
    {
        var leftIds = join.Left.Output.Select(c => c.Id).ToHashSet();
        var rightIds = join.Right.Output.Select(c => c.Id).ToHashSet();
        var left = new List<BoundExpr>();
        var right = new List<BoundExpr>();
        var condition = new List<BoundExpr>();
        var leftPreserved = join.Type is JoinType.Inner or JoinType.Cross or JoinType.Left or JoinType.Semi or JoinType.Anti or JoinType.NullAwareAnti;
        var rightPreserved = join.Type is JoinType.Inner or JoinType.Cross or JoinType.Right;
        foreach (var conjunct in movable)
        {
            var columns = ExprWalk.Columns(conjunct);
            if (columns.IsSubsetOf(leftIds) && leftPreserved)
            {
                left.Add(conjunct);
            }
            else if (columns.IsSubsetOf(rightIds) && rightPreserved)
            {
                right.Add(conjunct);
            }
            else if (join.Type is JoinType.Inner or JoinType.Cross && columns.IsSubsetOf(leftIds.Union(rightIds)))
            {
                condition.Add(conjunct);
            }
            else
            {
                stay.Add(conjunct);
            }
        }
        var residual = ExprWalk.Conjoin((join.Residual is null ? [] : ExprWalk.SplitConjunction(join.Residual)).Concat(condition));
        return join with
        {
            Type = join.Type == JoinType.Cross && residual is not null ? JoinType.Inner : join.Type,
            Left = Wrap(join.Left, left),
            Right = Wrap(join.Right, right),
            Residual = residual,
        };
    }

    /// <summary>
    /// ON-clause conjuncts over one side only: an inner join filters either side; a left/semi/anti join may filter
    /// its right (inner) side before matching, never its preserved left side; a right join mirrors that.
    /// </summary>
    private static LogicalPlan PushJoinCondition(Join join)
    {
        var leftIds = join.Left.Output.Select(c => c.Id).ToHashSet();
        var rightIds = join.Right.Output.Select(c => c.Id).ToHashSet();
        var canLeft = join.Type is JoinType.Inner or JoinType.Right;
        var canRight = join.Type is JoinType.Inner or JoinType.Left or JoinType.Semi or JoinType.Anti;
        var left = new List<BoundExpr>();
        var right = new List<BoundExpr>();
        var kept = new List<BoundExpr>();
        foreach (var conjunct in ExprWalk.SplitConjunction(join.Residual!))
        {
            var columns = ExprWalk.Columns(conjunct);
            var movable = columns.Count > 0 && !ExprWalk.Any(conjunct, e => e is BoundSubquery);
            if (movable && canLeft && columns.IsSubsetOf(leftIds))
            {
                left.Add(conjunct);
            }
            else if (movable && canRight && columns.IsSubsetOf(rightIds))
            {
                right.Add(conjunct);
            }
            else
            {
                kept.Add(conjunct);
            }
        }
        return left.Count == 0 && right.Count == 0 ? join : join with
        {
            Left = Wrap(join.Left, left),
            Right = Wrap(join.Right, right),
            Residual = ExprWalk.Conjoin(kept),
        };
    }
}
