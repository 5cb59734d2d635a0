namespace Vnd.Planner.Syntax.Ast;

/// <summary>An ORDER BY item; <see cref="UsingOperator"/> is set for ORDER BY x USING &lt;.</summary>
public sealed record OrderItem(Expr Expr, SortDirection Direction, NullsOrder Nulls, string? UsingOperator = null) : SqlNode
{
    /// <summary>Where the USING operator starts (PostgreSQL reports an unusable ordering operator there).</summary>
    public int UsingPosition { get; init; }
}
