using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// Structural helpers over bound expressions used by the binder and the rules: children, bottom-up rewrite,
/// referenced columns and conjunct splitting. Planner-time code, so closures are fine here.
/// </summary>
public static class ExprWalk
{
    public static IEnumerable<BoundExpr> Children(BoundExpr expr) => expr switch
    {
        BoundCall c => c.Arguments,
        BoundCast c => [c.Operand],
        BoundCase k => k.Whens.SelectMany(w => (BoundExpr[])[w.Condition, w.Result]).Concat(k.Else is null ? [] : [k.Else]),
        BoundInList i => ((BoundExpr[])[i.Operand]).Concat(i.Items),
        BoundIs i => [i.Operand],
        BoundSubquery s => s.Operand is null ? [] : [s.Operand],
        // WITHIN GROUP keys are inputs too: without them projection pruning drops percentile_cont's column.
        BoundAggregate a => a.Arguments.Concat(a.WithinGroup.Select(k => k.Expr)).Concat(a.OrderBy.Select(k => k.Expr)).Concat(a.Filter is null ? [] : [a.Filter]),
        BoundWindowCall w => w.Arguments.Concat(w.PartitionBy).Concat(w.OrderBy.Select(k => k.Expr)),
        _ => [],
    };

    /// <summary>Rewrites bottom-up; <paramref name="rewrite"/> returns null to keep a node.</summary>
    public static BoundExpr Transform(BoundExpr expr, Func<BoundExpr, BoundExpr?> rewrite)
    {
        var rebuilt = expr switch
        {
            BoundCall c => c with { Arguments = Map(c.Arguments, rewrite) },
            BoundCast c => c with { Operand = Transform(c.Operand, rewrite) },
            BoundCase k => k with
            {
                Whens = SqlList.From(k.Whens.Select(w => new BoundWhen(Transform(w.Condition, rewrite), Transform(w.Result, rewrite)))),
                Else = k.Else is null ? null : Transform(k.Else, rewrite),
            },
            BoundInList i => i with { Operand = Transform(i.Operand, rewrite), Items = Map(i.Items, rewrite) },
            BoundIs i => i with { Operand = Transform(i.Operand, rewrite) },
            BoundSubquery s => s with { Operand = s.Operand is null ? null : Transform(s.Operand, rewrite) },
            BoundAggregate a => a with
            {
                Arguments = Map(a.Arguments, rewrite),
                Filter = a.Filter is null ? null : Transform(a.Filter, rewrite),
                WithinGroup = SqlList.From(a.WithinGroup.Select(k => k with { Expr = Transform(k.Expr, rewrite) })),
                OrderBy = SqlList.From(a.OrderBy.Select(k => k with { Expr = Transform(k.Expr, rewrite) })),
            },
            _ => expr,
        };
        return rewrite(rebuilt) ?? rebuilt;
    }

    public static SqlList<BoundExpr> Map(SqlList<BoundExpr> items, Func<BoundExpr, BoundExpr?> rewrite) =>
        SqlList.From(items.Select(item => Transform(item, rewrite)));

    /// <summary>Columns referenced, including outer references made inside subquery plans.</summary>
    public static HashSet<ColumnId> Columns(BoundExpr expr)
    {
        var set = new HashSet<ColumnId>();
        AddColumns(expr, set);
        return set;
    }

    public static void AddColumns(BoundExpr expr, HashSet<ColumnId> set)
    {
        if (expr is BoundColumn column)
        {
            set.Add(column.Id);
        }
        else if (expr is BoundSubquery subquery)
        {
            set.UnionWith(PlanWalk.OuterReferences(subquery.Plan));
        }
        foreach (var child in Children(expr))
        {
            AddColumns(child, set);
        }
    }

    public static bool Any(BoundExpr expr, Func<BoundExpr, bool> predicate) =>
        predicate(expr) || Children(expr).Any(child => Any(child, predicate));

    public static bool IsAnd(BoundExpr expr) => expr is BoundCall { Kind: CallKind.Operator, Name: "AND" };

    public static List<BoundExpr> SplitConjunction(BoundExpr expr)
    {
        var list = new List<BoundExpr>();
        Split(expr, list);
        return list;
    }

    private static void Split(BoundExpr expr, List<BoundExpr> into)
    {
        if (IsAnd(expr))
        {
            foreach (var argument in ((BoundCall)expr).Arguments)
            {
                Split(argument, into);
            }
        }
        else
        {
            into.Add(expr);
        }
    }

    /// <summary>ANDs the conjuncts left-deep; null when there are none.</summary>
    public static BoundExpr? Conjoin(IEnumerable<BoundExpr> conjuncts)
    {
        BoundExpr? result = null;
        foreach (var conjunct in conjuncts)
        {
            result = result is null ? conjunct : BoundCall.Operator("AND", Types.SqlType.Bool, result, conjunct);
        }
        return result;
    }
}
