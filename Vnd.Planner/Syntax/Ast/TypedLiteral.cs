namespace Vnd.Planner.Syntax.Ast;

/// <summary><c>typename 'string'</c>: timestamp '…', interval '1 hour', inet '…'.</summary>
public sealed record TypedLiteral(TypeName Type, string Value) : Expr;
