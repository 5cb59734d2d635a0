namespace Vnd.Planner.Logical;

/// <summary>
/// A min/max segment-pruning hint: rows the scan must return have <see cref="Column"/> inside this range, so a
/// segment whose [min, max] lies outside it can be skipped unread. Bounds are literals of the column's type.
/// </summary>
public sealed record ColumnRange(PlanColumn Column, BoundLiteral? Lower, bool LowerInclusive, BoundLiteral? Upper, bool UpperInclusive)
{
    public override string ToString() =>
        (Lower is null ? "(-inf" : (LowerInclusive ? "[" : "(") + Lower) + ", " +
        (Upper is null ? "+inf)" : Upper + (UpperInclusive ? "]" : ")"));
}
