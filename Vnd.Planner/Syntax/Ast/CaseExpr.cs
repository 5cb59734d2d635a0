namespace Vnd.Planner.Syntax.Ast;

/// <summary>Simple CASE (Operand set) or searched CASE (Operand null).</summary>
public sealed record CaseExpr(Expr? Operand, SqlList<WhenClause> Whens, Expr? Else) : Expr;
