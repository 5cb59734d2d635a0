using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Logical;

namespace Vnd.Executor.PhysicalPlanning;

/// <summary>
/// The guard between the logical plan's types and the physical operators: every consumer of a node (a parent's
/// column references, the wire's row writer, Arrow streams) reads its vectors in the layout of the logical
/// column's <c>SqlType</c>. An operator whose output layout differs (float8 values where the plan says numeric)
/// would have its bytes reinterpreted, so a mismatch is an internal error naming the node and column, caught
/// when the plan is built rather than as garbage on the wire.
/// </summary>
internal static class PlanConformance
{
    public static PhysicalOperator Check(PhysicalOperator physical, LogicalPlan logical)
    {
        var declared = logical.Output;
        var actual = physical.OutputTypes;
        if (declared.Count != actual.Count)
            throw Mismatch(physical, $"{actual.Count} columns where the plan has {declared.Count}");
        for (var c = 0; c < declared.Count; c++)
        {
            if (PhysicalTypes.Of(actual[c]) != PhysicalTypes.Of(declared[c].Type))
                throw Mismatch(physical, $"column {c + 1} ({declared[c].Name}) is {actual[c]} where the plan says {declared[c].Type}");
        }
        return physical;
    }

    private static ExecutionException Mismatch(PhysicalOperator physical, string what) =>
        new(SqlStates.InternalError, $"physical plan does not match its logical types: {physical}: {what}");
}
