namespace Vnd.Planner.Syntax.Ast;

/// <summary>A JOIN; <see cref="On"/> and <see cref="Using"/> are both empty for CROSS and NATURAL joins.</summary>
public sealed record JoinTable(JoinKind Kind, TableRef Left, TableRef Right, Expr? On, SqlList<string> Using, bool Natural) : TableRef;
