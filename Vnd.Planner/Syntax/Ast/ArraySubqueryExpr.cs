namespace Vnd.Planner.Syntax.Ast;

public sealed record ArraySubqueryExpr(Query Subquery) : Expr;
