using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>OFFSET then LIMIT; both are constant or parameter expressions of type int8, null when absent.</summary>
public sealed record Limit(LogicalPlan Input, BoundExpr? Count, BoundExpr? Offset) : UnaryPlan(Input)
{
    public override SqlList<PlanColumn> Output => Input.Output;
}
