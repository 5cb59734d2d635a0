namespace Vnd.Planner.Syntax.Ast;

public sealed record DropStatement(DropObjectKind Kind, SqlList<SqlList<string>> Names, bool IfExists, bool Cascade) : Statement;
