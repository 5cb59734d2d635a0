namespace Vnd.Planner.Syntax.Ast;

public sealed record BooleanLiteral(bool Value) : Expr;
