namespace Vnd.Planner.Syntax.Ast;

public sealed record SelectStatement(Query Query) : Statement;
