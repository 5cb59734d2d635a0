using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>Tree helpers over plans: expressions of a node, produced columns, outer (correlated) references.</summary>
public static class PlanWalk
{
    public static IEnumerable<BoundExpr> Expressions(LogicalPlan plan) => plan switch
    {
        Scan s => s.Filters,
        Filter f => [f.Predicate],
        Project p => p.Items.Select(i => i.Expr),
        Aggregate a => a.Groups.Select(g => g.Expr).Concat(a.Aggregates.Select(x => (BoundExpr)x.Call)),
        Join j => j.Keys.SelectMany(k => (BoundExpr[])[k.Left, k.Right]).Concat(j.Residual is null ? [] : [j.Residual]),
        Sort s => s.Keys.Select(k => k.Expr),
        Limit l => ((BoundExpr?[])[l.Count, l.Offset]).OfType<BoundExpr>().Concat(l.Ties.Select(k => k.Expr)),
        Distinct d => d.On,
        Window w => w.Items.Select(i => (BoundExpr)i.Call),
        Values v => v.Rows.SelectMany(r => r),
        SeriesScan s => s.Arguments,
        ArrayExpand e => [e.Array],
        LateralJoin l => [l.Subquery],
        ProjectSet p => p.Functions.SelectMany(f => f.Arguments),
        BloomFilterBuild b => b.Keys,
        BloomFilterProbe b => b.Keys,
        SetSketchBuild s => [s.Key],
        SetDifferenceJoin s => [s.Key],
        ReconciledPartial r => r.Terms.Prepend(r.Key),
        ReconciledAggregate r => r.Terms.Prepend(r.Key),
        _ => [],
    };

    /// <summary>Ids produced by any node of the plan.</summary>
    public static HashSet<ColumnId> Produced(LogicalPlan plan)
    {
        var set = new HashSet<ColumnId>();
        Visit(plan, node =>
        {
            foreach (var column in node.Output)
            {
                set.Add(column.Id);
            }
            if (node is Aggregate aggregate)
            {
                set.UnionWith(aggregate.Groups.Select(g => g.Column.Id));
            }
        });
        return set;
    }

    /// <summary>Columns the plan references but does not produce: its correlation with an outer query.</summary>
    public static HashSet<ColumnId> OuterReferences(LogicalPlan plan)
    {
        var referenced = new HashSet<ColumnId>();
        Visit(plan, node =>
        {
            foreach (var expr in Expressions(node))
            {
                ExprWalk.AddColumns(expr, referenced);
            }
        });
        referenced.ExceptWith(Produced(plan));
        return referenced;
    }

    public static void Visit(LogicalPlan plan, Action<LogicalPlan> action)
    {
        action(plan);
        foreach (var input in plan.Inputs)
        {
            Visit(input, action);
        }
    }

    /// <summary>Rebuilds bottom-up; <paramref name="rewrite"/> returns null to keep a node.</summary>
    public static LogicalPlan TransformUp(LogicalPlan plan, Func<LogicalPlan, LogicalPlan?> rewrite)
    {
        var inputs = plan.Inputs;
        if (inputs.Count > 0)
        {
            var rebuilt = SqlList.From(inputs.Select(input => TransformUp(input, rewrite)));
            if (!rebuilt.Equals(inputs))
            {
                plan = plan.WithInputs(rebuilt);
            }
        }
        return rewrite(plan) ?? plan;
    }

    public static SqlList<LogicalPlan> Of(params LogicalPlan[] plans) => SqlList.Create<LogicalPlan>(plans);
}
