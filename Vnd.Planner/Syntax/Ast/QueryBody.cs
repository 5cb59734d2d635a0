namespace Vnd.Planner.Syntax.Ast;

/// <summary>A query body: SELECT core, VALUES, a set operation or a nested (parenthesised) query.</summary>
public abstract record QueryBody : SqlNode;
