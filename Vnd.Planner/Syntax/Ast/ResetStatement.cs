namespace Vnd.Planner.Syntax.Ast;

/// <summary>RESET name, or ALL when Name is null.</summary>
public sealed record ResetStatement(string? Name) : Statement;
