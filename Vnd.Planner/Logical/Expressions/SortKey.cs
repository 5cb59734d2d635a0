namespace Vnd.Planner.Logical;

/// <summary>An ordering key; NULLS FIRST defaults to DESC as in PostgreSQL (NULL sorts as the largest value).</summary>
public sealed record SortKey(BoundExpr Expr, bool Descending, bool NullsFirst)
{
    public override string ToString() => Expr + (Descending ? " DESC" : " ASC") + (NullsFirst ? " NULLS FIRST" : " NULLS LAST");
}
