using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Rules;

/// <summary>
/// decorrelate_lateral: a LATERAL subquery whose references to the left side sit only in filters near its top (under
/// projections, and a sort and limit) becomes an ordinary join, so it runs once as a hash join instead of once per
/// left value. The correlated conjuncts become the join condition (LEFT JOIN LATERAL: the ON of a left join, which
/// NULL-extends exactly as the lateral did). Top-N per group — <c>WHERE x = l.k ORDER BY ts DESC LIMIT 3</c> — is
/// <c>row_number() OVER (PARTITION BY x ORDER BY ts DESC) ≤ 3</c> joined on <c>x = l.k</c> (only when every correlated
/// conjunct is such an equality). Aggregates, set operations, projections of left columns and correlation deeper down
/// stay lateral (an aggregate over no rows still yields a row, which a join would lose).
/// </summary>
public sealed class DecorrelateLateral : ILogicalRule
{
    public string Name => "decorrelate_lateral";

    public RuleResult Apply(LogicalPlan plan)
    {
        ColumnIdAllocator? ids = null;
        var result = PlanWalk.TransformUp(plan, node => node is LateralJoin lateral ? Rewrite(lateral, ids ??= new ColumnIdAllocator(plan)) : null);
        return RuleResult.Compare(plan, result);
    }

    private static LogicalPlan? Rewrite(LateralJoin lateral, ColumnIdAllocator ids)
    {
        var left = PlanWalk.Produced(lateral.Input);
        bool Correlated(LogicalPlan p) => PlanWalk.OuterReferences(p).Overlaps(left);
        bool ReadsLeft(BoundExpr e) => ExprWalk.Columns(e).Overlaps(left);

        var chain = new List<LogicalPlan>();
        var below = lateral.Subquery.Plan;
        while (Correlated(below) && below is Project or Filter or Sort or Limit)
        {
            chain.Add(below);
            below = ((UnaryPlan)below).Input;
        }
        if (Correlated(below))
        {
            return null;
        }
        var right = below;
        var pulled = new List<BoundExpr>();
        Sort? sort = null;
        var limited = false;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            switch (chain[i])
            {
                case Filter filter:
                {
                    var conjuncts = ExprWalk.SplitConjunction(filter.Predicate);
                    var correlated = conjuncts.Where(ReadsLeft).ToList();
                    if ((limited && correlated.Count > 0) || conjuncts.Any(c => ExprWalk.Any(c, e => e is BoundSubquery)))
                    {
                        return null;
                    }
                    pulled.AddRange(correlated);
                    if (ExprWalk.Conjoin(conjuncts.Where(c => !ReadsLeft(c))) is { } rest)
                    {
                        right = new Filter(right, rest);
                    }
                    break;
                }
                case Project project:
                {
                    if (project.Items.Any(item => ReadsLeft(item.Expr)))
                    {
                        return null;
                    }
                    // A pending sort's keys must survive it too (ORDER BY a column the select list hides).
                    var needed = sort is null ? pulled : [.. pulled, .. sort.Keys.Select(k => k.Expr)];
                    right = new Project(right, PassThrough(project.Items, right, needed, left));
                    break;
                }
                case Sort s:
                {
                    if (limited || s.Keys.Any(k => ReadsLeft(k.Expr)))
                    {
                        return null;
                    }
                    // Without a limit above it, the order of the subquery's rows does not change the join's rows.
                    sort = s;
                    break;
                }
                case Limit limit:
                {
                    var all = limit.Count is null or BoundLiteral { Value: null };
                    var count = all ? null : Constant(limit.Count);
                    if ((!all && count is not >= 0) || Constant(limit.Offset) is not { } offset || offset < 0 || limited || limit.Ties.Count > 0)
                    {
                        // Not constant, or negative (the per-row run reports PostgreSQL's error).
                        return null;
                    }
                    if (pulled.Count == 0)
                    {
                        right = new Limit(sort is null ? right : sort with { Input = right }, limit.Count, limit.Offset);
                    }
                    else if (TopPerGroup(right, pulled, left, sort, count, offset, ids) is { } ranked)
                    {
                        right = ranked;
                    }
                    else
                    {
                        return null;
                    }
                    sort = null;
                    limited = true;
                    break;
                }
            }
        }
        var join = new Join(lateral.Outer ? JoinType.Left : JoinType.Inner, lateral.Input, right, SqlList<EquiKey>.Empty, ExprWalk.Conjoin(pulled));
        return new Project(join, SqlList.From(lateral.Output.Select(c => new ProjectItem(c, BoundColumn.Of(c)))));
    }

    /// <summary>The projection's items, plus the columns of <paramref name="input"/> that <paramref name="pulled"/> read (kept under their ids).</summary>
    private static SqlList<ProjectItem> PassThrough(SqlList<ProjectItem> items, LogicalPlan input, List<BoundExpr> pulled, HashSet<ColumnId> left)
    {
        var result = items.ToList();
        var produced = input.Output.ToDictionary(c => c.Id);
        foreach (var conjunct in pulled)
        {
            foreach (var id in ExprWalk.Columns(conjunct))
            {
                if (!left.Contains(id) && produced.TryGetValue(id, out var column) && result.All(item => item.Column.Id != id))
                {
                    result.Add(new ProjectItem(column, BoundColumn.Of(column)));
                }
            }
        }
        return SqlList.From(result);
    }

    /// <summary>
    /// LIMIT count OFFSET offset per left value: every pulled conjunct must be <c>inner = left</c>; the inner sides
    /// partition a row_number() in the sort's order, and the rows numbered (offset, offset + count] remain.
    /// </summary>
    private static Filter? TopPerGroup(LogicalPlan right, List<BoundExpr> pulled, HashSet<ColumnId> left, Sort? sort, long? count, long offset, ColumnIdAllocator ids)
    {
        var partition = new List<BoundExpr>();
        foreach (var conjunct in pulled)
        {
            if (conjunct is not BoundCall { Kind: CallKind.Operator, Name: "=", Arguments: [var a, var b] })
            {
                return null;
            }
            var (aLeft, bLeft) = (ExprWalk.Columns(a), ExprWalk.Columns(b));
            if (aLeft.Count > 0 && !aLeft.Overlaps(left) && bLeft.Count > 0 && bLeft.IsSubsetOf(left))
            {
                partition.Add(a);
            }
            else if (bLeft.Count > 0 && !bLeft.Overlaps(left) && aLeft.Count > 0 && aLeft.IsSubsetOf(left))
            {
                partition.Add(b);
            }
            else
            {
                return null;
            }
        }
        var number = new PlanColumn(ids.Next(), "row_number", SqlType.Int8);
        var call = new BoundWindowCall("row_number()", "row_number", SqlList<BoundExpr>.Empty, SqlList.From(partition),
            sort?.Keys ?? SqlList<SortKey>.Empty, null, SqlType.Int8);
        var ranked = new Window(right, [new WindowItem(number, call)]);
        var rank = BoundColumn.Of(number);
        var conditions = new List<BoundExpr>();
        if (offset > 0)
        {
            conditions.Add(BoundCall.Operator(">", SqlType.Bool, rank, new BoundLiteral(offset, SqlType.Int8)));
        }
        conditions.Add(count is { } n
            ? BoundCall.Operator("<=", SqlType.Bool, rank, new BoundLiteral(offset + n, SqlType.Int8))
            : BoundLiteral.True);
        return new Filter(ranked, ExprWalk.Conjoin(conditions)!);
    }

    /// <summary>A LIMIT/OFFSET constant (0 for an absent offset; null count = LIMIT ALL); null when not constant.</summary>
    private static long? Constant(BoundExpr? expr) => expr switch
    {
        null => 0,
        BoundLiteral { Value: long v } => v,
        BoundLiteral { Value: int v } => v,
        BoundCast { Operand: var inner } => Constant(inner),
        _ => null,
    };
}
