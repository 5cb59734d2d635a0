namespace Vnd.Planner.Syntax.Ast;

/// <summary>CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_USER, SESSION_USER, CURRENT_SCHEMA, USER, …, named in lower case.</summary>
public sealed record SpecialValue(string Name) : Expr;
