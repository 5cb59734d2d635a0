namespace Vnd.Planner.Syntax.Ast;

public sealed record CollateExpr(Expr Operand, SqlList<string> Collation) : Expr;
