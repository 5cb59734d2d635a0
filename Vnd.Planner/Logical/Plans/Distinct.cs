using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// Removes duplicate rows (NULLs equal). With <see cref="On"/> (DISTINCT ON) keeps the first row of each key
/// group in input order, which the binder makes the ORDER BY order by sorting below.
/// </summary>
public sealed record Distinct(LogicalPlan Input, SqlList<BoundExpr> On) : UnaryPlan(Input)
{
    public override SqlList<PlanColumn> Output => Input.Output;
}
