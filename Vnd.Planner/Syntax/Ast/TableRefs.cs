namespace Vnd.Planner.Syntax.Ast;

/// <summary>AS alias (col, …).</summary>
public sealed record TableAlias(string Name, SqlList<string> Columns) : SqlNode;

public abstract record TableRef : SqlNode;

public sealed record NamedTable(SqlList<string> Name, TableAlias? Alias) : TableRef;

public sealed record DerivedTable(Query Query, TableAlias? Alias, bool Lateral) : TableRef;

/// <summary>A set-returning function in FROM: generate_series(1, 3) AS g, unnest(arr) x.</summary>
public sealed record FunctionTable(FunctionCall Function, TableAlias? Alias, bool Lateral) : TableRef;

public enum JoinKind
{
    Inner,
    Left,
    Right,
    Full,
    Cross,
}

/// <summary>A JOIN; <see cref="On"/> and <see cref="Using"/> are both empty for CROSS and NATURAL joins.</summary>
public sealed record JoinTable(JoinKind Kind, TableRef Left, TableRef Right, Expr? On, SqlList<string> Using, bool Natural) : TableRef;
