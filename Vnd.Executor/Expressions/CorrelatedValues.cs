using Vnd.Executor.Vectors;
using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// The outer values a correlated subquery reads (a scalar/EXISTS/IN subquery the optimizer left as an expression,
/// or a LATERAL item): which input columns they are, one row's values, a key that tells equal values apart, and the
/// subquery's plan with those values in place of the references — also inside the plans of subqueries nested in
/// it, which may read the same outer row.
/// </summary>
public sealed class CorrelatedValues((ColumnId Id, int Ordinal, SqlType Type)[] outer)
{
    public int Count => outer.Length;

    /// <summary>The referenced columns' values in row <paramref name="row"/> of <paramref name="input"/>.</summary>
    public object?[] Read(Batch input, int row)
    {
        var values = new object?[outer.Length];
        for (var o = 0; o < values.Length; o++)
            values[o] = VectorValues.Get(input[outer[o].Ordinal], row);
        return values;
    }

    /// <summary>A text key equal for equal value lists (NULL distinct from every text).</summary>
    public string Key(object?[] values)
    {
        var parts = new string[values.Length];
        for (var o = 0; o < values.Length; o++)
            parts[o] = values[o] is null ? "\u0000" : ValueFormatter.Format(values[o]!, outer[o].Type);
        return string.Join('\u0001', parts);
    }

    /// <summary><paramref name="plan"/> with each reference replaced by its value as a literal.</summary>
    public LogicalPlan Substitute(LogicalPlan plan, object?[] values) =>
        outer.Length == 0 ? plan : PlanRewrite.Nodes(plan, node => PlanExpressions.Map(node, e => ExprWalk.Transform(e, x => Literal(x, values))));

    private BoundLiteral? Literal(BoundExpr expr, object?[] values)
    {
        if (expr is not BoundColumn column)
            return null;
        for (var o = 0; o < outer.Length; o++)
        {
            if (outer[o].Id == column.Id)
                return new BoundLiteral(values[o], outer[o].Type);
        }
        return null;
    }
}
