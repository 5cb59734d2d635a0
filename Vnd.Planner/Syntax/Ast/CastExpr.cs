namespace Vnd.Planner.Syntax.Ast;

public sealed record CastExpr(Expr Operand, TypeName Type, CastSyntax Syntax) : Expr;
