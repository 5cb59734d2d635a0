namespace Vnd.Planner.Syntax.Ast;

/// <summary>COPY table|(query) [(cols)] TO STDOUT | FROM STDIN [WITH] (options).</summary>
public sealed record CopyStatement(SqlList<string>? Table, Query? Source, SqlList<string> Columns, bool ToClient, SqlList<SqlOption> Options) : Statement;
