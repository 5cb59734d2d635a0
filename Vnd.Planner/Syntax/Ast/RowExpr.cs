namespace Vnd.Planner.Syntax.Ast;

/// <summary>ROW(a, b) or (a, b).</summary>
public sealed record RowExpr(SqlList<Expr> Fields) : Expr;
