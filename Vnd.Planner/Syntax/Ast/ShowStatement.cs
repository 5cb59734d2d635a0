namespace Vnd.Planner.Syntax.Ast;

/// <summary>SHOW name; ALL is "all"; SHOW TIME ZONE is "timezone".</summary>
public sealed record ShowStatement(string Name) : Statement;
