namespace Vnd.Planner.Syntax.Ast;

/// <summary>SET name TO|= values (or DEFAULT: empty Values); SET TIME ZONE x sets "timezone".</summary>
public sealed record SetStatement(SetScope Scope, string Name, SqlList<Expr> Values) : Statement;
