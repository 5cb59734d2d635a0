namespace Vnd.Planner.Syntax.Ast;

/// <summary>a[i] (Upper null, not a slice) or a[lo:hi] (either bound may be omitted).</summary>
public sealed record SubscriptExpr(Expr Operand, Expr? Lower, Expr? Upper, bool IsSlice) : Expr;
