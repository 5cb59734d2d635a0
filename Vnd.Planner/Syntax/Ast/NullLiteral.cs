namespace Vnd.Planner.Syntax.Ast;

public sealed record NullLiteral : Expr;
