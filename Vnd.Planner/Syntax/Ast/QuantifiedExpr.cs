namespace Vnd.Planner.Syntax.Ast;

/// <summary><c>left op ANY|SOME|ALL (array or subquery)</c>.</summary>
public sealed record QuantifiedExpr(string Operator, Quantifier Quantifier, Expr Left, Expr Right) : Expr;
