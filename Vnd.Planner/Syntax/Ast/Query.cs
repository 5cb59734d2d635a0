namespace Vnd.Planner.Syntax.Ast;

/// <summary>
/// A complete query. <see cref="Limit"/> null means no limit (also LIMIT ALL); FETCH FIRST n ROWS ONLY sets it too.
/// <see cref="Locking"/> keeps FOR UPDATE/SHARE for the binder to reject. Also a body, for (SELECT … LIMIT 1) UNION ….
/// </summary>
public sealed record Query(WithClause? With, QueryBody Body, SqlList<OrderItem> OrderBy, Expr? Limit, Expr? Offset) : QueryBody
{
    public string? Locking { get; init; }

    /// <summary>FETCH FIRST n ROWS WITH TIES: rows that tie with the last one on ORDER BY come too.</summary>
    public bool WithTies { get; init; }
}
