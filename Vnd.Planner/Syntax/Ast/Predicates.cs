namespace Vnd.Planner.Syntax.Ast;

public enum IsTest
{
    Null,
    True,
    False,
    Unknown,
}

/// <summary>IS [NOT] NULL|TRUE|FALSE|UNKNOWN, ISNULL, NOTNULL.</summary>
public sealed record IsExpr(Expr Operand, IsTest Test, bool Negated) : Expr;

/// <summary>IS [NOT] DISTINCT FROM.</summary>
public sealed record IsDistinctFromExpr(Expr Left, Expr Right, bool Negated) : Expr;

public sealed record InListExpr(Expr Operand, SqlList<Expr> Items, bool Negated) : Expr;

public sealed record InSubqueryExpr(Expr Operand, Query Subquery, bool Negated) : Expr;

public sealed record BetweenExpr(Expr Operand, Expr Low, Expr High, bool Negated, bool Symmetric) : Expr;

public enum LikeKind
{
    Like,
    ILike,
    SimilarTo,
}

public sealed record LikeExpr(LikeKind Kind, Expr Operand, Expr Pattern, Expr? Escape, bool Negated) : Expr;

public sealed record ExistsExpr(Query Subquery) : Expr;

/// <summary>A parenthesised query used as a value.</summary>
public sealed record SubqueryExpr(Query Query) : Expr;
