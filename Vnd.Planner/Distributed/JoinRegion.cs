using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Distributed;

/// <summary>
/// A maximal tree of inner joins, flattened into leaves and equi-join edges, so the enumerator may join the leaves
/// in any order. Residual conditions (and keys that span more than two leaves) are applied once all leaves are
/// joined, which is correct for inner joins; the region's result is then projected back to the original column order.
/// </summary>
public sealed record JoinRegion(Join Root, IReadOnlyList<LogicalPlan> Leaves, IReadOnlyList<JoinEdge> Edges, IReadOnlyList<BoundExpr> Residuals)
{
    public static bool IsReorderable(LogicalPlan plan) => plan is Join { Type: JoinType.Inner or JoinType.Cross };

    public static JoinRegion Extract(Join root)
    {
        var leaves = new List<LogicalPlan>();
        var keys = new List<EquiKey>();
        var residuals = new List<BoundExpr>();
        Flatten(root, leaves, keys, residuals);
        var edges = new List<JoinEdge>();
        foreach (var key in keys)
        {
            var left = LeafOf(leaves, key.Left);
            var right = LeafOf(leaves, key.Right);
            if (left >= 0 && right >= 0 && left != right)
                edges.Add(new JoinEdge(left, right, key));
            else
                residuals.Add(BoundCall.Operator("=", SqlType.Bool, key.Left, key.Right));
        }
        return new JoinRegion(root, leaves, edges, residuals);
    }

    /// <summary>Keys joining leaf sets <paramref name="left"/> and <paramref name="right"/> (bit masks), oriented left = right.</summary>
    public SqlList<EquiKey> KeysBetween(int left, int right)
    {
        var keys = new List<EquiKey>();
        foreach (var edge in Edges)
        {
            if (In(left, edge.Left) && In(right, edge.Right))
                keys.Add(edge.Key);
            else if (In(left, edge.Right) && In(right, edge.Left))
                keys.Add(new EquiKey(edge.Key.Right, edge.Key.Left));
        }
        return SqlList.From(keys);
    }

    public bool Connected(int left, int right)
    {
        foreach (var edge in Edges)
        {
            if ((In(left, edge.Left) && In(right, edge.Right)) || (In(left, edge.Right) && In(right, edge.Left)))
                return true;
        }
        return false;
    }

    private static bool In(int set, int leaf) => (set & (1 << leaf)) != 0;

    private static void Flatten(LogicalPlan plan, List<LogicalPlan> leaves, List<EquiKey> keys, List<BoundExpr> residuals)
    {
        if (plan is Join join && IsReorderable(join))
        {
            Flatten(join.Left, leaves, keys, residuals);
            Flatten(join.Right, leaves, keys, residuals);
            keys.AddRange(join.Keys);
            if (join.Residual is not null)
                residuals.Add(join.Residual);
            return;
        }
        leaves.Add(plan);
    }

    private static int LeafOf(List<LogicalPlan> leaves, BoundExpr expr)
    {
        var columns = ExprWalk.Columns(expr);
        for (var i = 0; i < leaves.Count; i++)
        {
            var output = leaves[i].Output.Select(c => c.Id).ToHashSet();
            if (columns.Count > 0 && columns.IsSubsetOf(output))
                return i;
        }
        return -1;
    }
}
