using Vnd.Planner.Errors;
using Vnd.Planner.Logical;

namespace Vnd.Planner.Rules;

/// <summary>Column-binding verification after a rewrite (DuckDB verifies bindings after each optimizer pass).</summary>
public static class PlanInvariants
{
    public static void Check(LogicalPlan plan, string afterRule)
    {
        var outer = PlanWalk.OuterReferences(plan);
        if (outer.Count > 0)
        {
            throw new SqlException("XX000", $"internal error: rule {afterRule} left references to columns {string.Join(", ", outer)} that no input produces");
        }
        PlanWalk.Visit(plan, node =>
        {
            var available = new HashSet<Logical.ColumnId>(node.Inputs.SelectMany(i => i.Output).Select(c => c.Id));
            if (node is Scan scan)
            {
                available.UnionWith(scan.Columns.Select(c => c.Column.Id));
            }
            foreach (var expr in PlanWalk.Expressions(node))
            {
                foreach (var id in ExprWalk.Columns(expr))
                {
                    if (!available.Contains(id))
                    {
                        throw new SqlException("XX000", $"internal error: after rule {afterRule}, {PlanText(node)} references {id} which its inputs do not produce");
                    }
                }
            }
        });
    }

    private static string PlanText(LogicalPlan node) => Explain.PlanText.Line(node);
}
