namespace Vnd.Planner.Syntax.Ast;

public sealed record InListExpr(Expr Operand, SqlList<Expr> Items, bool Negated) : Expr;
