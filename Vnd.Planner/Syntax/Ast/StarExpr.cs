namespace Vnd.Planner.Syntax.Ast;

/// <summary><c>*</c> or <c>t.*</c> in a select list.</summary>
public sealed record StarExpr(SqlList<string> Qualifier) : Expr;
