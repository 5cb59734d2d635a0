namespace Vnd.Planner.Syntax.Ast;

/// <summary>A value expression (PostgreSQL's a_expr).</summary>
public abstract record Expr : SqlNode;
