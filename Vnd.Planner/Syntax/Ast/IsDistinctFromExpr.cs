namespace Vnd.Planner.Syntax.Ast;

/// <summary>IS [NOT] DISTINCT FROM.</summary>
public sealed record IsDistinctFromExpr(Expr Left, Expr Right, bool Negated) : Expr;
