using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Distributed;

/// <summary>
/// The branches of a UNION ALL tree (nested unions flattened, positions preserved) and the rebuilding of one, so an
/// operator above a union that spans table servers can run a copy of itself in each branch, at the branch's site.
/// </summary>
internal static class UnionBranches
{
    public static bool IsUnionAll(LogicalPlan plan) => plan is SetOperationPlan { Operator: SetOperator.Union, All: true };

    public static List<LogicalPlan> Of(SetOperationPlan union)
    {
        var branches = new List<LogicalPlan>();
        Add(union.Left, branches);
        Add(union.Right, branches);
        return branches;
    }

    private static void Add(LogicalPlan plan, List<LogicalPlan> branches)
    {
        if (plan is SetOperationPlan nested && IsUnionAll(nested))
        {
            Add(nested.Left, branches);
            Add(nested.Right, branches);
        }
        else
        {
            branches.Add(plan);
        }
    }

    /// <summary>
    /// A left-deep UNION ALL of <paramref name="branches"/> (all with the same column types) whose output columns are
    /// <paramref name="columns"/>; inner unions get fresh ids.
    /// </summary>
    public static SetOperationPlan Union(IReadOnlyList<LogicalPlan> branches, SqlList<PlanColumn> columns, ColumnIdAllocator ids)
    {
        var plan = branches[0];
        for (var b = 1; b < branches.Count; b++)
        {
            var output = b == branches.Count - 1
                ? columns
                : SqlList.From(columns.Select(c => new PlanColumn(ids.Next(), c.Name, c.Type)));
            plan = new SetOperationPlan(SetOperator.Union, true, plan, branches[b], output);
        }
        return (SetOperationPlan)plan;
    }

    /// <summary>The union's column k read in a branch: that branch's output column k.</summary>
    public static BoundExpr InBranch(BoundExpr expr, SqlList<PlanColumn> union, LogicalPlan branch)
    {
        var output = branch.Output;
        return ExprWalk.Transform(expr, e =>
        {
            if (e is not BoundColumn column)
                return null;
            for (var k = 0; k < union.Count; k++)
            {
                if (union[k].Id == column.Id)
                    return BoundColumn.Of(output[k]);
            }
            return null;
        });
    }
}
