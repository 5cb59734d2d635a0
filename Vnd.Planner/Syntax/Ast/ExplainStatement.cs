namespace Vnd.Planner.Syntax.Ast;

/// <summary>EXPLAIN; the legacy ANALYZE/VERBOSE keywords become options too.</summary>
public sealed record ExplainStatement(Statement Target, SqlList<SqlOption> Options) : Statement;
