namespace Vnd.Planner.Syntax.Ast;

/// <summary>A set-returning function in FROM: generate_series(1, 3) AS g, unnest(arr) x.</summary>
public sealed record FunctionTable(FunctionCall Function, TableAlias? Alias, bool Lateral) : TableRef;
