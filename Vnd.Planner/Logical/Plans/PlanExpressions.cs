using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>Rebuilds a node with every expression it holds (not its inputs') passed through a mapping.</summary>
public static class PlanExpressions
{
    public static LogicalPlan Map(LogicalPlan plan, Func<BoundExpr, BoundExpr> map)
    {
        SqlList<BoundExpr> All(SqlList<BoundExpr> items) => SqlList.From(items.Select(map));
        SqlList<SortKey> Keys(SqlList<SortKey> keys) => SqlList.From(keys.Select(k => k with { Expr = map(k.Expr) }));
        BoundExpr? Maybe(BoundExpr? expr) => expr is null ? null : map(expr);
        return plan switch
        {
            Scan s => s with { Filters = All(s.Filters) },
            Filter f => f with { Predicate = map(f.Predicate) },
            Project p => p with { Items = SqlList.From(p.Items.Select(i => i with { Expr = map(i.Expr) })) },
            Aggregate a => a with
            {
                Groups = SqlList.From(a.Groups.Select(g => g with { Expr = map(g.Expr) })),
                Aggregates = SqlList.From(a.Aggregates.Select(x => x with { Call = (BoundAggregate)map(x.Call) })),
            },
            Join j => j with
            {
                Keys = SqlList.From(j.Keys.Select(k => new EquiKey(map(k.Left), map(k.Right)))),
                Residual = Maybe(j.Residual),
            },
            Sort s => s with { Keys = Keys(s.Keys) },
            Limit l => l with { Count = Maybe(l.Count), Offset = Maybe(l.Offset), Ties = Keys(l.Ties) },
            Distinct d => d with { On = All(d.On) },
            Window w => w with { Items = SqlList.From(w.Items.Select(i => i with { Call = (BoundWindowCall)map(i.Call) })) },
            Values v => v with { Rows = SqlList.From(v.Rows.Select(All)) },
            SeriesScan s => s with { Start = map(s.Start), Stop = map(s.Stop), Step = map(s.Step) },
            ArrayExpand e => e with { Array = map(e.Array) },
            ProjectSet p => p with { Functions = SqlList.From(p.Functions.Select(f => f with { Arguments = All(f.Arguments) })) },
            LateralJoin l => l with { Subquery = (BoundSubquery)map(l.Subquery) },
            BloomFilterBuild b => b with { Keys = All(b.Keys) },
            BloomFilterProbe b => b with { Keys = All(b.Keys) },
            SetSketchBuild s => s with { Key = map(s.Key) },
            SetDifferenceJoin s => s with { Key = map(s.Key) },
            ReconciledPartial r => r with { Key = map(r.Key), Terms = All(r.Terms) },
            ReconciledAggregate r => r with { Key = map(r.Key), Terms = All(r.Terms) },
            _ => plan,
        };
    }
}
