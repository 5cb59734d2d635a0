using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// Traces each output column of a plan back to a table column, as PostgreSQL's markTargetListOrigins does: a plain
/// column reference keeps its origin through projections (renamed or not), grouping keys, joins, filters, sorts,
/// views and a set operation's leftmost branch; anything computed (an expression, an aggregate) has none.
/// </summary>
public static class ColumnOrigins
{
    public static ColumnOrigin?[] Of(LogicalPlan plan)
    {
        var output = plan.Output;
        var origins = new ColumnOrigin?[output.Count];
        Dictionary<ColumnId, ColumnOrigin>? read = null;
        Dictionary<ColumnId, ColumnId>? renamed = null;
        PlanWalk.Visit(plan, node =>
        {
            switch (node)
            {
                case Scan scan:
                    foreach (var column in scan.Columns)
                        (read ??= [])[column.Column.Id] = new ColumnOrigin(scan.Schema, scan.Table, column.Ordinal);
                    break;
                case Project project:
                    Rename(project.Items, ref renamed);
                    break;
                case Aggregate aggregate:
                    Rename(aggregate.Groups, ref renamed);
                    break;
                case SetOperationPlan setOperation:
                    // PostgreSQL names a set operation's columns after its leftmost branch's.
                    var left = setOperation.Left.Output;
                    for (var c = 0; c < setOperation.Columns.Count && c < left.Count; c++)
                        (renamed ??= [])[setOperation.Columns[c].Id] = left[c].Id;
                    break;
            }
        });
        if (read is null)
            return origins;
        for (var c = 0; c < origins.Length; c++)
        {
            var id = output[c].Id;
            // Each hop moves to a column produced further down; the bound only guards against a malformed plan.
            for (var hops = 0; !read.ContainsKey(id) && renamed is not null && hops < renamed.Count && renamed.TryGetValue(id, out var source); hops++)
                id = source;
            origins[c] = read.GetValueOrDefault(id);
        }
        return origins;
    }

    private static void Rename(SqlList<ProjectItem> items, ref Dictionary<ColumnId, ColumnId>? renamed)
    {
        foreach (var item in items)
        {
            if (item.Expr is BoundColumn source && source.Id != item.Column.Id)
                (renamed ??= [])[item.Column.Id] = source.Id;
        }
    }
}
