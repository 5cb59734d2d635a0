namespace Vnd.Planner.Syntax.Ast;

public sealed record SelectItem(Expr Expr, string? Alias) : SqlNode;
