using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Joins;

namespace Vnd.Executor.PhysicalPlanning;

/// <summary>
/// Which input of an inner equi-join to hash. A hash join builds on its right input, and building costs more a
/// row than probing (rows and keys are materialised, partitioned and indexed), so the smaller input should be the
/// build side. With no row estimates, one case is certain: both inputs read the same table and only the left one
/// is narrowed (a filter or a limit) — a self-join such as RTT over all flows, whose filtered data side
/// (<c>payload_length &gt; 0</c>, two thirds of the packets) was built while every packet was probed. Such a join
/// builds on the left and restores the column order with a projection.
/// </summary>
internal static class BuildSideChoice
{
    /// <summary>The join of <paramref name="left"/> (probe) and <paramref name="right"/> (build), its sides
    /// swapped when the left one is known to be smaller; output columns are left's then right's either way.</summary>
    public static PhysicalOperator InnerJoin(PhysicalOperator left, PhysicalOperator right, Expression[] leftKeys, Expression[] rightKeys)
    {
        if (!LeftIsSmaller(left, right))
            return new HashJoinOperator(left, right, leftKeys, rightKeys, JoinType.Inner);
        var swapped = new HashJoinOperator(right, left, rightKeys, leftKeys, JoinType.Inner);
        var rightWidth = right.OutputTypes.Count;
        var columns = new Expression[left.OutputTypes.Count + rightWidth];
        for (var i = 0; i < left.OutputTypes.Count; i++)
            columns[i] = Expr.Column(rightWidth + i, left.OutputTypes[i]);
        for (var i = 0; i < rightWidth; i++)
            columns[left.OutputTypes.Count + i] = Expr.Column(i, right.OutputTypes[i]);
        return new ProjectOperator(swapped, columns);
    }

    private static bool LeftIsSmaller(PhysicalOperator left, PhysicalOperator right)
    {
        var (leftTable, leftNarrowed) = Origin(left);
        var (rightTable, rightNarrowed) = Origin(right);
        if (leftTable is null || rightTable is null || !leftNarrowed || rightNarrowed)
            return false;
        // Each scan of a table may open its own source; the planner names scans by their table.
        return ReferenceEquals(leftTable.Source, rightTable.Source) || (leftTable.Name is not null && leftTable.Name == rightTable.Name);
    }

    /// <summary>The table scan under a chain of projections, filters, limits and EXPLAIN ANALYZE's counters, and whether any of them
    /// (or the scan's own predicate) drops rows.</summary>
    private static (TableScanOperator? Scan, bool Narrowed) Origin(PhysicalOperator plan)
    {
        var narrowed = false;
        while (true)
        {
            switch (plan)
            {
                case TableScanOperator scan:
                    return (scan, narrowed || scan.Predicate is not null);
                case ProjectOperator project:
                    plan = project.Input;
                    break;
                case Analysis.AnalyzedOperator analyzed:
                    // EXPLAIN ANALYZE wraps every node; it must measure the plan a plain run would execute.
                    plan = analyzed.Input;
                    break;
                case FilterOperator filter:
                    narrowed = true;
                    plan = filter.Input;
                    break;
                case LimitOperator limit:
                    narrowed = true;
                    plan = limit.Input;
                    break;
                default:
                    return (null, false);
            }
        }
    }
}
