namespace Vnd.Planner.Syntax.Ast;

public sealed record CreateTableAsStatement(SqlList<string> Name, SqlList<string> Columns, Query Query, bool Temporary) : Statement;
