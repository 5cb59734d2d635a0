namespace Vnd.Planner.Syntax.Ast;

/// <summary>A parenthesised query used as a value.</summary>
public sealed record SubqueryExpr(Query Query) : Expr;
