namespace Vnd.Planner.Logical;

public enum JoinType
{
    Inner,
    Left,
    Right,
    Full,
    Cross,
    /// <summary>Left rows with at least one match (IN, EXISTS); outputs left columns only.</summary>
    Semi,
    /// <summary>Left rows with no match (NOT EXISTS).</summary>
    Anti,
    /// <summary>
    /// NOT IN: like Anti, but if the right side holds a NULL key no row qualifies, and a left row with a NULL key
    /// qualifies only when the right side is empty (x NOT IN (…) is NULL, not true, in both cases).
    /// </summary>
    NullAwareAnti,
}
