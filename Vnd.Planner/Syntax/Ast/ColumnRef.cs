namespace Vnd.Planner.Syntax.Ast;

/// <summary>Column reference a, t.a, s.t.a (names already folded or kept when quoted).</summary>
public sealed record ColumnRef(SqlList<string> Names) : Expr;
