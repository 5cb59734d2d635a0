namespace Vnd.Planner.Syntax.Ast;

/// <summary>An integer literal that fits int8; the binder narrows to int4 when it fits.</summary>
public sealed record IntegerLiteral(long Value) : Expr;
