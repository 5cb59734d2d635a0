namespace Vnd.Planner.Syntax.Ast;

/// <summary>A set-returning function in FROM: generate_series(1, 3) AS g, unnest(arr) WITH ORDINALITY x(v, n).</summary>
public sealed record FunctionTable(FunctionCall Function, TableAlias? Alias, bool Lateral) : TableRef
{
    /// <summary>WITH ORDINALITY: a last bigint column numbering the function's rows from 1.</summary>
    public bool WithOrdinality { get; init; }
}
