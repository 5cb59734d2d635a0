namespace Vnd.Planner.Syntax.Ast;

public enum CastSyntax
{
    /// <summary>CAST(x AS t).</summary>
    Cast,
    /// <summary>x::t.</summary>
    DoubleColon,
}

public sealed record CastExpr(Expr Operand, TypeName Type, CastSyntax Syntax) : Expr;

/// <summary>a[i] (Upper null, not a slice) or a[lo:hi] (either bound may be omitted).</summary>
public sealed record SubscriptExpr(Expr Operand, Expr? Lower, Expr? Upper, bool IsSlice) : Expr;

/// <summary>(composite).field or (composite).*.</summary>
public sealed record FieldSelectionExpr(Expr Operand, string Field) : Expr;

public sealed record CollateExpr(Expr Operand, SqlList<string> Collation) : Expr;

public sealed record AtTimeZoneExpr(Expr Operand, Expr Zone) : Expr;

public sealed record WhenClause(Expr Condition, Expr Result) : SqlNode;

/// <summary>Simple CASE (Operand set) or searched CASE (Operand null).</summary>
public sealed record CaseExpr(Expr? Operand, SqlList<WhenClause> Whens, Expr? Else) : Expr;

/// <summary>ARRAY[…] (nested ARRAY[] or bare [] inside become nested ArrayExprs).</summary>
public sealed record ArrayExpr(SqlList<Expr> Elements) : Expr;

public sealed record ArraySubqueryExpr(Query Subquery) : Expr;

/// <summary>ROW(a, b) or (a, b).</summary>
public sealed record RowExpr(SqlList<Expr> Fields) : Expr;
