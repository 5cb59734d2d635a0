namespace Vnd.Planner.Syntax.Ast;

/// <summary>ARRAY[…] (nested ARRAY[] or bare [] inside become nested ArrayExprs).</summary>
public sealed record ArrayExpr(SqlList<Expr> Elements) : Expr;
