namespace Vnd.Planner.Syntax.Ast;

/// <summary>Decimal, exponent or over-long integer literal, kept as written (type numeric until resolved).</summary>
public sealed record NumericLiteral(string Text) : Expr;
