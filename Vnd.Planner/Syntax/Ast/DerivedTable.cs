namespace Vnd.Planner.Syntax.Ast;

public sealed record DerivedTable(Query Query, TableAlias? Alias, bool Lateral) : TableRef;
