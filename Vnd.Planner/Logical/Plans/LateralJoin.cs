using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// A LATERAL item (a derived table or a function call in FROM that reads earlier FROM items), PostgreSQL's nested
/// loop with parameters: for each row of <see cref="UnaryPlan.Input"/> the <see cref="Subquery"/> (kind
/// <see cref="SubqueryKind.Lateral"/>) runs with the row's values in place of its references to the input, and the
/// row is joined with every row it returns. <see cref="Outer"/> (LEFT JOIN LATERAL) keeps an input row the subquery
/// returns nothing for, NULL-extended. An ON condition is a filter on top of the subquery, so the join itself has
/// none. The subquery sits in an expression rather than among the inputs: the rules and the distributed planner
/// treat it as they treat any correlated subquery (never pushed apart from the rows it reads).
/// </summary>
public sealed record LateralJoin(LogicalPlan Input, BoundSubquery Subquery, bool Outer) : UnaryPlan(Input)
{
    public override SqlList<PlanColumn> Output => SqlList.From(Input.Output.Concat(Subquery.Plan.Output));
}
