namespace Vnd.Planner.Syntax.Ast;

/// <summary>ANY/SOME/ALL operand before it is attached to its comparison; only valid on an operator's right side.</summary>
public sealed record QuantifiedOperand(Quantifier Quantifier, Expr Operand) : Expr;
