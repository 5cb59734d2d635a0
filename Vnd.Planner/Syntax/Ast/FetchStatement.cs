namespace Vnd.Planner.Syntax.Ast;

/// <summary>FETCH/MOVE; <see cref="Count"/> is null for ALL and for single-row directions.</summary>
public sealed record FetchStatement(FetchDirection Direction, long? Count, string Cursor, bool Move) : Statement;
