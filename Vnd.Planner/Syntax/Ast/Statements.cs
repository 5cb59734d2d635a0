namespace Vnd.Planner.Syntax.Ast;

public abstract record Statement : SqlNode;

public sealed record SelectStatement(Query Query) : Statement;

public sealed record CreateViewStatement(SqlList<string> Name, SqlList<string> Columns, Query Query, bool OrReplace, bool Temporary) : Statement;

public sealed record CreateTableAsStatement(SqlList<string> Name, SqlList<string> Columns, Query Query, bool Temporary) : Statement;

public enum DropObjectKind
{
    Table,
    View,
}

public sealed record DropStatement(DropObjectKind Kind, SqlList<SqlList<string>> Names, bool IfExists, bool Cascade) : Statement;

/// <summary>An option as name [value] (EXPLAIN (FORMAT TEXT), COPY … (HEADER, DELIMITER ',')); value null when absent.</summary>
public sealed record SqlOption(string Name, string? Value) : SqlNode;

/// <summary>EXPLAIN; the legacy ANALYZE/VERBOSE keywords become options too.</summary>
public sealed record ExplainStatement(Statement Target, SqlList<SqlOption> Options) : Statement;

public enum SetScope
{
    Session,
    Local,
}

/// <summary>SET name TO|= values (or DEFAULT: empty Values); SET TIME ZONE x sets "timezone".</summary>
public sealed record SetStatement(SetScope Scope, string Name, SqlList<Expr> Values) : Statement;

/// <summary>SHOW name; ALL is "all"; SHOW TIME ZONE is "timezone".</summary>
public sealed record ShowStatement(string Name) : Statement;

/// <summary>RESET name, or ALL when Name is null.</summary>
public sealed record ResetStatement(string? Name) : Statement;

public enum TransactionAction
{
    Begin,
    Commit,
    Rollback,
    /// <summary>SET TRANSACTION / SET SESSION CHARACTERISTICS AS TRANSACTION.</summary>
    SetCharacteristics,
}

/// <summary>Transaction modes as (name, value): ("isolation level", "read committed"), ("read only", null), ….</summary>
public sealed record TransactionStatement(TransactionAction Action, SqlList<SqlOption> Modes) : Statement;

/// <summary>DISCARD ALL|PLANS|SEQUENCES|TEMP.</summary>
public sealed record DiscardStatement(string Target) : Statement;

public sealed record DeclareCursorStatement(string Name, bool Binary, bool? Scroll, bool WithHold, Query Query) : Statement;

public enum FetchDirection
{
    Next,
    Forward,
    Prior,
    First,
    Last,
    Absolute,
    Relative,
    ForwardAll,
    Backward,
    BackwardAll,
}

/// <summary>FETCH/MOVE; <see cref="Count"/> is null for ALL and for single-row directions.</summary>
public sealed record FetchStatement(FetchDirection Direction, long? Count, string Cursor, bool Move) : Statement;

/// <summary>CLOSE name, or ALL when Name is null.</summary>
public sealed record CloseStatement(string? Name) : Statement;

/// <summary>DEALLOCATE [PREPARE] name, or ALL when Name is null.</summary>
public sealed record DeallocateStatement(string? Name) : Statement;

/// <summary>COPY table|(query) [(cols)] TO STDOUT | FROM STDIN [WITH] (options).</summary>
public sealed record CopyStatement(SqlList<string>? Table, Query? Source, SqlList<string> Columns, bool ToClient, SqlList<SqlOption> Options) : Statement;

/// <summary>
/// A PostgreSQL command VND does not implement (INSERT, UPDATE, CREATE INDEX, …): parsed only far enough to
/// name it, so the engine answers 0A000 feature_not_supported rather than a misleading syntax error.
/// </summary>
public sealed record UnsupportedStatement(string Command) : Statement
{
    public string Message => Command + " is not supported";
}
