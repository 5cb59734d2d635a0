namespace Vnd.Planner.Syntax.Ast;

/// <summary>Prefix operator: -, +, ~, NOT (spelled "NOT").</summary>
public sealed record UnaryExpr(string Operator, Expr Operand) : Expr;
