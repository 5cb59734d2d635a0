using System.Text;
using Vnd.Planner.Logical;

namespace Vnd.Planner.Explain;

/// <summary>
/// The indented EXPLAIN text of a logical plan, one node per line, children indented by two spaces
/// (DataFusion's layout). Subquery placeholders print their plans nested under the node that holds them.
/// </summary>
public static class PlanText
{
    public static string Format(LogicalPlan plan) => Format(plan, null);

    /// <summary>The plan text with <paramref name="annotate"/>'s text appended to each node's line (EXPLAIN
    /// ANALYZE's actual figures); a null or empty annotation adds nothing.</summary>
    public static string Format(LogicalPlan plan, Func<LogicalPlan, string?>? annotate) => Format(plan, annotate, null);

    /// <summary>The plan text as above, with <paramref name="above"/>'s line (an exchange the executor places)
    /// printed over a node at its depth and the node's subtree indented one more level under it.</summary>
    public static string Format(LogicalPlan plan, Func<LogicalPlan, string?>? annotate, Func<LogicalPlan, string?>? above)
    {
        var builder = new StringBuilder();
        Append(builder, plan, 0, new Notes(annotate, above));
        return builder.ToString();
    }

    private sealed record Notes(Func<LogicalPlan, string?>? Annotate, Func<LogicalPlan, string?>? Above);

    private static void Append(StringBuilder b, LogicalPlan plan, int depth, Notes notes)
    {
        if (notes.Above?.Invoke(plan) is { Length: > 0 } over)
        {
            b.Append(' ', depth * 2).Append(over).Append('\n');
            depth++;
        }
        b.Append(' ', depth * 2).Append(Line(plan));
        if (notes.Annotate?.Invoke(plan) is { Length: > 0 } annotation)
        {
            b.Append("  ").Append(annotation);
        }
        b.Append('\n');
        foreach (var expr in PlanWalk.Expressions(plan))
        {
            AppendSubqueries(b, expr, depth + 1, notes);
        }
        foreach (var input in plan.Inputs)
        {
            Append(b, input, depth + 1, notes);
        }
    }

    private static void AppendSubqueries(StringBuilder b, BoundExpr expr, int depth, Notes notes)
    {
        if (expr is BoundSubquery subquery)
        {
            b.Append(' ', depth * 2).Append("Subquery: ").Append(subquery.Kind).Append('\n');
            Append(b, subquery.Plan, depth + 1, notes);
        }
        foreach (var child in ExprWalk.Children(expr))
        {
            AppendSubqueries(b, child, depth, notes);
        }
    }

    public static string Line(LogicalPlan plan) => plan switch
    {
        Scan s => ScanLine(s),
        Filter f => "Filter: " + f.Predicate,
        Project p => "Project: " + string.Join(", ", p.Items.Select(Item)),
        Aggregate a => "Aggregate: groupBy=[" + string.Join(", ", a.Groups.Select(Item)) + "], aggr=[" +
            string.Join(", ", a.Aggregates.Select(x => x.Call + " AS " + x.Column)) + "]",
        Join j => JoinLine(j),
        Sort s => "Sort: " + string.Join(", ", s.Keys) + (s.Fetch is null ? "" : ", fetch=" + s.Fetch),
        Limit l => "Limit: count=" + (l.Count?.ToString() ?? "ALL") + ", offset=" + (l.Offset?.ToString() ?? "0")
            + (l.Ties.Count > 0 ? ", with ties on [" + string.Join(", ", l.Ties) + "]" : ""),
        Distinct d => d.On.Count == 0 ? "Distinct" : "Distinct: on=[" + string.Join(", ", d.On) + "]",
        Window w => "Window: " + string.Join(", ", w.Items.Select(i => i.Call + " AS " + i.Column)),
        SetOperationPlan s => s.Operator.ToString() + (s.All ? " All" : "") + ": " + string.Join(", ", s.Columns),
        Values v => "Values: " + string.Join(", ", v.Rows.Select(r => "(" + string.Join(", ", r) + ")")) +
            (v.Columns.Count == 0 ? "" : " AS [" + string.Join(", ", v.Columns) + "]"),
        ProjectSet p => "ProjectSet: " + string.Join(", ", p.Functions),
        LateralJoin l => l.Outer ? "Lateral Left Join" : "Lateral Join",
        ArrayExpand e => $"ArrayExpand: {e.Array} AS [{e.Element}, {e.Position}]",
        SeriesScan s => $"Series: generate_series({s.Start}, {s.Stop}, {s.Step}) AS [{s.Column}]",
        BloomFilterBuild b => $"Bloom Filter Build: keys=[{string.Join(", ", b.Keys)}] bits={b.Bits} hashes={b.Hashes} AS [{b.Offset}, {b.Chunk}]",
        BloomFilterProbe b => $"Bloom Filter Probe: keys=[{string.Join(", ", b.Keys)}] bits={b.Bits} hashes={b.Hashes}",
        SetSketchBuild s => $"Set Sketch Build: key={s.Key} cells={s.Cells} AS [{s.Offset}, {s.Chunk}]",
        SetDifferenceJoin s => $"Set Difference {s.Type} Join: key={s.Key} cells={s.Cells} (inputs: rows, sketch, fallback keys)",
        ReconciledPartial r => $"Reconciled Partial: key={r.Key} terms=[{string.Join(", ", r.Terms)}] cells={r.Cells} AS [{r.KeyColumn}, {r.Summary}] (inputs: rows, sketch, retry)",
        ReconciledAggregate r => $"Reconciled Aggregate: key={r.Key} terms=[{string.Join(", ", r.Terms)}] aggr=[{string.Join(", ", r.Aggregates)}] (inputs: rows, partial, fallback)",
        _ => plan.GetType().Name,
    };

    private static string Item(ProjectItem item) =>
        item.Expr is BoundColumn c && c.Id == item.Column.Id ? item.Column.ToString() : item.Expr + " AS " + item.Column;

    private static string ScanLine(Scan s)
    {
        var b = new StringBuilder("Scan: ").Append(s.Schema).Append('.').Append(s.Table)
            .Append(" projection=[").AppendJoin(", ", s.Columns.Select(c => c.Column)).Append(']');
        if (s.Filters.Count > 0)
        {
            b.Append(" filters=[").AppendJoin(", ", s.Filters).Append(']');
        }
        if (s.PruningHints.Count > 0)
        {
            b.Append(" pruning=[").AppendJoin(", ", s.PruningHints.Select(h => h.Column + " in " + h)).Append(']');
        }
        if (s.Fetch is not null)
        {
            b.Append(" fetch=").Append(s.Fetch);
        }
        return b.ToString();
    }

    private static string JoinLine(Join j)
    {
        var b = new StringBuilder(j.Type.ToString()).Append(" Join:");
        if (j.Keys.Count > 0)
        {
            b.Append(" keys=[").AppendJoin(", ", j.Keys).Append(']');
        }
        if (j.Residual is not null)
        {
            b.Append(" filter=").Append(j.Residual);
        }
        return b.ToString();
    }
}
