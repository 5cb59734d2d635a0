using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Logical;
using Vnd.Planner.Errors;

namespace Vnd.Executor.PhysicalPlanning;

/// <summary>
/// The guard between the logical plan's types and the physical operators: every consumer of a node (a parent's
/// column references, the wire's row writer, Arrow streams) reads its vectors in the layout of the logical
/// column's <c>SqlType</c>, so an operator whose output layout differs (float8 values where the plan says
/// numeric) would have its bytes reinterpreted. Debug builds (the test suites' differential runs) fail such a
/// plan with XX000 naming the node and column so the mismatch gets fixed where it arises; release builds cast
/// the column to the declared type so a client still gets correct values.
/// </summary>
internal static class PlanConformance
{
    public static PhysicalOperator Check(PhysicalOperator physical, LogicalPlan logical)
    {
        var declared = logical.Output;
        var actual = physical.OutputTypes;
        if (declared.Count != actual.Count)
            throw Mismatch(physical, $"{actual.Count} columns where the plan has {declared.Count}");
        Expression[]? items = null;
        for (var c = 0; c < declared.Count; c++)
        {
            if (PhysicalTypes.SameLayout(actual[c], declared[c].Type))
                continue;
#if DEBUG
            throw Mismatch(physical, $"column {c + 1} ({declared[c].Name}) is {actual[c]} where the plan says {declared[c].Type}");
#else
            items ??= actual.Select((t, i) => (Expression)Expr.Column(i, t, declared[i].Name)).ToArray();
            items[c] = Expr.Cast(items[c], declared[c].Type);
#endif
        }
        return items is null ? physical : new ProjectOperator(physical, items, declared.Select(c => c.Name).ToArray());
    }

    private static ExecutionException Mismatch(PhysicalOperator physical, string what) =>
        new(SqlState.InternalError, $"physical plan does not match its logical types: {physical}: {what}");
}
