using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Binding;

/// <summary>
/// GROUP BY state of one SELECT: the key expressions with their output columns, the aggregate calls met so far,
/// and column references that would be grouping errors if the query turns out to be grouped (PostgreSQL decides
/// after seeing the whole select list, HAVING and ORDER BY).
/// </summary>
internal sealed class Grouping
{
    public List<ProjectItem> Keys { get; } = [];

    public List<AggregateItem> Aggregates { get; } = [];

    public List<(BoundColumn Column, SqlNode Node)> Violations { get; } = [];

    /// <summary>The grouping sets of a GROUP BY with ROLLUP, CUBE, GROUPING SETS or (); null for a plain one.</summary>
    public GroupingSets? Sets { get; set; }

    public BoundColumn? MatchKey(BoundExpr expr)
    {
        foreach (var key in Keys)
        {
            if (key.Expr.Equals(expr))
            {
                return BoundColumn.Of(key.Column);
            }
        }
        return null;
    }

    public BoundColumn AddAggregate(BindingContext context, BoundAggregate call)
    {
        foreach (var existing in Aggregates)
        {
            if (existing.Call.Equals(call))
            {
                return BoundColumn.Of(existing.Column);
            }
        }
        var column = context.NewColumn(call.Name, call.Type);
        Aggregates.Add(new AggregateItem(column, call));
        return BoundColumn.Of(column);
    }
}
