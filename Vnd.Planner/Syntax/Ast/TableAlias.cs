namespace Vnd.Planner.Syntax.Ast;

/// <summary>AS alias (col, …).</summary>
public sealed record TableAlias(string Name, SqlList<string> Columns) : SqlNode;
