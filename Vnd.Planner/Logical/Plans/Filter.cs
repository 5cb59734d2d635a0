using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>Keeps rows whose predicate is true (not false, not NULL).</summary>
public sealed record Filter(LogicalPlan Input, BoundExpr Predicate) : UnaryPlan(Input)
{
    public override SqlList<PlanColumn> Output => Input.Output;
}
