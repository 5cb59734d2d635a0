namespace Vnd.Planner.Syntax.Ast;

public sealed record BetweenExpr(Expr Operand, Expr Low, Expr High, bool Negated, bool Symmetric) : Expr;
