namespace Vnd.Planner.Syntax.Ast;

/// <summary>
/// A GROUP BY element that names several grouping sets: ROLLUP (…), CUBE (…), GROUPING SETS (…) or (). Items of
/// ROLLUP and CUBE are expressions or parenthesised lists (a <see cref="RowExpr"/>) grouped as one unit; items of
/// GROUPING SETS may also be nested <see cref="GroupingSet"/>s.
/// </summary>
public sealed record GroupingSet(GroupingSetKind Kind, SqlList<Expr> Items) : Expr;
