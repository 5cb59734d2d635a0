namespace Vnd.Planner.Syntax.Ast;

public sealed record LikeExpr(LikeKind Kind, Expr Operand, Expr Pattern, Expr? Escape, bool Negated) : Expr;
