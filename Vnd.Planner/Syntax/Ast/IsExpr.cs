namespace Vnd.Planner.Syntax.Ast;

/// <summary>IS [NOT] NULL|TRUE|FALSE|UNKNOWN, ISNULL, NOTNULL.</summary>
public sealed record IsExpr(Expr Operand, IsTest Test, bool Negated) : Expr;
