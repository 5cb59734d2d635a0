namespace Vnd.Planner.Syntax.Ast;

/// <summary>
/// f(args) with the aggregate and window decorations. SQL-standard special forms are desugared the way
/// PostgreSQL's grammar does: EXTRACT(f FROM x) → extract('f', x), POSITION(a IN b) → position(b, a),
/// SUBSTRING(x FROM a FOR b) → substring(x, a, b), TRIM(BOTH c FROM x) → btrim(x, c) (ltrim/rtrim),
/// OVERLAY(x PLACING y FROM a FOR b) → overlay(x, y, a, b).
/// </summary>
public sealed record FunctionCall(SqlList<string> Name, SqlList<Expr> Arguments) : Expr
{
    /// <summary>count(*).</summary>
    public bool Star { get; init; }

    public bool Distinct { get; init; }

    /// <summary>f(x ORDER BY y).</summary>
    public SqlList<OrderItem> OrderBy { get; init; } = SqlList<OrderItem>.Empty;

    /// <summary>WITHIN GROUP (ORDER BY …) of ordered-set aggregates such as percentile_cont.</summary>
    public SqlList<OrderItem> WithinGroup { get; init; } = SqlList<OrderItem>.Empty;

    public Expr? Filter { get; init; }

    public WindowSpec? Over { get; init; }
}
