namespace Vnd.Planner.Syntax.Ast;

public sealed record NamedTable(SqlList<string> Name, TableAlias? Alias) : TableRef;
