namespace Vnd.Planner.Syntax.Ast;

/// <summary>B'0101' or X'1F' as a bit string of 0/1 characters.</summary>
public sealed record BitStringLiteral(string Bits) : Expr;
