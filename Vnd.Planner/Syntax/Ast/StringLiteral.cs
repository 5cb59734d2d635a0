namespace Vnd.Planner.Syntax.Ast;

/// <summary>Any string literal form, unescaped; type unknown until context decides.</summary>
public sealed record StringLiteral(string Value) : Expr;
