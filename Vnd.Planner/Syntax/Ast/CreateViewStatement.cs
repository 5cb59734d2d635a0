namespace Vnd.Planner.Syntax.Ast;

public sealed record CreateViewStatement(SqlList<string> Name, SqlList<string> Columns, Query Query, bool OrReplace, bool Temporary) : Statement;
