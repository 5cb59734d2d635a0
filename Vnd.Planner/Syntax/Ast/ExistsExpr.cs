namespace Vnd.Planner.Syntax.Ast;

public sealed record ExistsExpr(Query Subquery) : Expr;
