namespace Vnd.Planner.Syntax.Ast;

/// <summary>TABLESAMPLE method (arguments) [REPEATABLE (seed)] after a table name.</summary>
public sealed record TableSample(string Method, SqlList<Expr> Arguments, Expr? Repeatable) : SqlNode;
