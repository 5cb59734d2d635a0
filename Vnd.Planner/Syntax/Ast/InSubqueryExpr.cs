namespace Vnd.Planner.Syntax.Ast;

public sealed record InSubqueryExpr(Expr Operand, Query Subquery, bool Negated) : Expr;
