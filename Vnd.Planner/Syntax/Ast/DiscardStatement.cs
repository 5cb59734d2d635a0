namespace Vnd.Planner.Syntax.Ast;

/// <summary>DISCARD ALL|PLANS|SEQUENCES|TEMP.</summary>
public sealed record DiscardStatement(string Target) : Statement;
