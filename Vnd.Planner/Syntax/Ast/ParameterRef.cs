namespace Vnd.Planner.Syntax.Ast;

/// <summary>$n.</summary>
public sealed record ParameterRef(int Index) : Expr;
