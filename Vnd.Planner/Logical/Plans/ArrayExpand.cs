using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// A set-returning array function in a SELECT list (pgJDBC's <c>information_schema._pg_expandarray(i.indkey)</c>,
/// <c>unnest(a)</c>), PostgreSQL's ProjectSet: each input row repeated once per element of <see cref="Array"/>
/// (an array text evaluated over the input row), with the element as text and its 1-based position. A NULL or
/// empty array drops the row, as in PostgreSQL.
/// </summary>
public sealed record ArrayExpand(LogicalPlan Input, BoundExpr Array, PlanColumn Element, PlanColumn Position) : UnaryPlan(Input)
{
    public override SqlList<PlanColumn> Output => SqlList.From(Input.Output.Append(Element).Append(Position));
}
