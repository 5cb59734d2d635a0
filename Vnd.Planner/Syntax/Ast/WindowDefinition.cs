namespace Vnd.Planner.Syntax.Ast;

/// <summary>WINDOW name AS (spec).</summary>
public sealed record WindowDefinition(string Name, WindowSpec Spec) : SqlNode;
