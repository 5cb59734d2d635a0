namespace Vnd.Planner.Syntax.Ast;

/// <summary>CLOSE name, or ALL when Name is null.</summary>
public sealed record CloseStatement(string? Name) : Statement;
