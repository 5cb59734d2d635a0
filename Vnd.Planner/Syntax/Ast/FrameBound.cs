namespace Vnd.Planner.Syntax.Ast;

public sealed record FrameBound(FrameBoundKind Kind, Expr? Offset) : SqlNode;
