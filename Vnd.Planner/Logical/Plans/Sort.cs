using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>Orders rows; with <see cref="Fetch"/> only the first n are needed (top-N).</summary>
public sealed record Sort(LogicalPlan Input, SqlList<SortKey> Keys, long? Fetch = null) : UnaryPlan(Input)
{
    public override SqlList<PlanColumn> Output => Input.Output;
}
