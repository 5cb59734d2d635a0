using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// A window frame. ROWS and GROUPS offsets are constant row/peer-group counts (<see cref="StartOffset"/>,
/// <see cref="EndOffset"/>). RANGE offsets are constant expressions (<see cref="StartValue"/>,
/// <see cref="EndValue"/>) of the in_range offset type <see cref="RangeFrames.OffsetType"/> of the single ORDER BY
/// key: the frame holds the rows whose key lies within that distance of the current row's key.
/// </summary>
public sealed record BoundFrame(FrameUnit Unit, FrameBoundKind StartKind, long? StartOffset, FrameBoundKind EndKind, long? EndOffset)
{
    public BoundExpr? StartValue { get; init; }

    public BoundExpr? EndValue { get; init; }

    public FrameExclusion Exclusion { get; init; }

    public override string ToString() =>
        $"{Unit.ToString().ToUpperInvariant()} BETWEEN {Bound(StartKind, StartOffset, StartValue)} AND {Bound(EndKind, EndOffset, EndValue)}"
        + (Exclusion == FrameExclusion.NoOthers ? "" : " EXCLUDE " + ExclusionText(Exclusion));

    public static string ExclusionText(FrameExclusion exclusion) => exclusion switch
    {
        FrameExclusion.CurrentRow => "CURRENT ROW",
        FrameExclusion.Group => "GROUP",
        FrameExclusion.Ties => "TIES",
        _ => "NO OTHERS",
    };

    private static string Bound(FrameBoundKind kind, long? offset, BoundExpr? value) => kind switch
    {
        FrameBoundKind.UnboundedPreceding => "UNBOUNDED PRECEDING",
        FrameBoundKind.UnboundedFollowing => "UNBOUNDED FOLLOWING",
        FrameBoundKind.CurrentRow => "CURRENT ROW",
        _ => (value is null ? offset?.ToString(System.Globalization.CultureInfo.InvariantCulture) : ExprText.Format(value))
            + (kind == FrameBoundKind.Preceding ? " PRECEDING" : " FOLLOWING"),
    };
}
