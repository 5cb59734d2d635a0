namespace Vnd.Planner.Syntax.Ast;

/// <summary>
/// A set-returning function in FROM: generate_series(1, 3) AS g, unnest(arr) WITH ORDINALITY x(v, n), or several
/// in ROWS FROM (…) (<see cref="RowsFrom"/>; <see cref="Function"/> is the first of them).
/// </summary>
public sealed record FunctionTable(FunctionCall Function, TableAlias? Alias, bool Lateral) : TableRef
{
    /// <summary>WITH ORDINALITY: a last bigint column numbering the function's rows from 1.</summary>
    public bool WithOrdinality { get; init; }

    /// <summary>The functions of ROWS FROM (…), run in lockstep; empty when the item is a single call.</summary>
    public SqlList<FunctionCall> RowsFrom { get; init; } = SqlList<FunctionCall>.Empty;
}
