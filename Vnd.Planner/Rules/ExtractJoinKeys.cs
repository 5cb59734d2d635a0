using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Rules;

/// <summary>
/// extract_join_keys: equalities in a join condition whose one side uses only left columns and the other only right
/// columns become hash-join keys; either side may be computed, which is what makes the paper's comma-join RTT query
/// (<c>f.seq + f.payload_length = b.ack</c>) a hash join instead of a nested loop. The rest stays residual.
/// </summary>
public sealed class ExtractJoinKeys : ILogicalRule
{
    public string Name => "extract_join_keys";

    public RuleResult Apply(LogicalPlan plan)
    {
        var result = PlanWalk.TransformUp(plan, node => node switch
        {
            Filter { Input: Join { Type: JoinType.Inner or JoinType.Cross } join } filter => FromWhere(filter, join),
            Join { Residual: not null } join => Extract(join),
            _ => null,
        });
        return RuleResult.Compare(plan, result);
    }

    private static Join? Extract(Join join)
    {
        var leftIds = join.Left.Output.Select(c => c.Id).ToHashSet();
        var rightIds = join.Right.Output.Select(c => c.Id).ToHashSet();
        var keys = new List<EquiKey>(join.Keys);
        var residual = new List<BoundExpr>();
        foreach (var conjunct in ExprWalk.SplitConjunction(join.Residual!))
        {
            var key = conjunct is BoundCall { Kind: CallKind.Operator, Name: "=", Arguments: [var a, var b] } && !HasSubquery(conjunct)
                ? Orient(a, b, leftIds, rightIds)
                : null;
            if (key is null)
            {
                residual.Add(conjunct);
            }
            else
            {
                keys.Add(key);
            }
        }
        if (keys.Count == join.Keys.Count)
        {
            return null;
        }
        return join with
        {
            Type = join.Type == JoinType.Cross ? JoinType.Inner : join.Type,
            Keys = SqlList.From(keys),
            Residual = ExprWalk.Conjoin(residual),
        };
    }

    /// <summary>WHERE over a comma (cross) or inner join: equalities across the two sides become keys of the join.</summary>
    private static LogicalPlan? FromWhere(Filter filter, Join join)
    {
        var leftIds = join.Left.Output.Select(c => c.Id).ToHashSet();
        var rightIds = join.Right.Output.Select(c => c.Id).ToHashSet();
        var moved = new List<BoundExpr>();
        var kept = new List<BoundExpr>();
        foreach (var conjunct in ExprWalk.SplitConjunction(filter.Predicate))
        {
            var isKey = conjunct is BoundCall { Kind: CallKind.Operator, Name: "=", Arguments: [var a, var b] } && !HasSubquery(conjunct)
                && Orient(a, b, leftIds, rightIds) is not null;
            (isKey ? moved : kept).Add(conjunct);
        }
        if (moved.Count == 0)
        {
            return null;
        }
        var residual = ExprWalk.Conjoin((join.Residual is null ? [] : ExprWalk.SplitConjunction(join.Residual)).Concat(moved));
        var withKeys = Extract(join with { Residual = residual }) ?? join;
        return ExprWalk.Conjoin(kept) is { } rest ? new Filter(withKeys, rest) : withKeys;
    }

    private static bool HasSubquery(BoundExpr expr) => ExprWalk.Any(expr, e => e is BoundSubquery);

    private static EquiKey? Orient(BoundExpr a, BoundExpr b, HashSet<ColumnId> left, HashSet<ColumnId> right)
    {
        var aColumns = ExprWalk.Columns(a);
        var bColumns = ExprWalk.Columns(b);
        if (aColumns.Count == 0 || bColumns.Count == 0)
        {
            return null;
        }
        if (aColumns.IsSubsetOf(left) && bColumns.IsSubsetOf(right))
        {
            return new EquiKey(a, b);
        }
        return bColumns.IsSubsetOf(left) && aColumns.IsSubsetOf(right) ? new EquiKey(b, a) : null;
    }
}
