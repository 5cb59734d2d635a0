namespace Vnd.Planner.Syntax.Ast;

/// <summary>DEALLOCATE [PREPARE] name, or ALL when Name is null.</summary>
public sealed record DeallocateStatement(string? Name) : Statement;
