namespace Vnd.Planner.Syntax.Ast;

public sealed record AtTimeZoneExpr(Expr Operand, Expr Zone) : Expr;
