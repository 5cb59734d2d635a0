namespace Vnd.Planner.Syntax.Ast;

/// <summary>A query body: SELECT core, VALUES, a set operation or a nested (parenthesised) query.</summary>
public abstract record QueryBody : SqlNode;

public enum DistinctKind
{
    All,
    Distinct,
    DistinctOn,
}

public sealed record SelectItem(Expr Expr, string? Alias) : SqlNode;

public sealed record SelectCore(
    DistinctKind Distinct,
    SqlList<Expr> DistinctOn,
    SqlList<SelectItem> Items,
    SqlList<TableRef> From,
    Expr? Where,
    SqlList<Expr> GroupBy,
    Expr? Having,
    SqlList<WindowDefinition> Windows) : QueryBody;

public sealed record ValuesBody(SqlList<SqlList<Expr>> Rows) : QueryBody;

public enum SetOperator
{
    Union,
    Intersect,
    Except,
}

public sealed record SetOperation(SetOperator Operator, bool All, QueryBody Left, QueryBody Right) : QueryBody;

public sealed record CommonTableExpression(string Name, SqlList<string> Columns, Query Query) : SqlNode;

public sealed record WithClause(bool Recursive, SqlList<CommonTableExpression> Tables) : SqlNode;

/// <summary>
/// A complete query. <see cref="Limit"/> null means no limit (also LIMIT ALL); FETCH FIRST n ROWS ONLY sets it too.
/// <see cref="Locking"/> keeps FOR UPDATE/SHARE for the binder to reject. Also a body, for (SELECT … LIMIT 1) UNION ….
/// </summary>
public sealed record Query(WithClause? With, QueryBody Body, SqlList<OrderItem> OrderBy, Expr? Limit, Expr? Offset) : QueryBody
{
    public string? Locking { get; init; }
}
