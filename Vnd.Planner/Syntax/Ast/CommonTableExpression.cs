namespace Vnd.Planner.Syntax.Ast;

public sealed record CommonTableExpression(string Name, SqlList<string> Columns, Query Query) : SqlNode;
