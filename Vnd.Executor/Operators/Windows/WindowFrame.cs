using Vnd.Planner.Syntax.Ast;

namespace Vnd.Executor.Operators.Windows;

/// <summary>
/// A window frame as PostgreSQL defines it: ROWS counts rows, GROUPS counts peer groups, RANGE measures distance
/// on the ORDER BY key (<see cref="Offsets"/> when a bound has one); bounds are UNBOUNDED PRECEDING, n PRECEDING,
/// CURRENT ROW, n FOLLOWING, UNBOUNDED FOLLOWING.
/// </summary>
public sealed record WindowFrame(FrameUnit Unit, FrameBoundKind StartKind, long StartOffset, FrameBoundKind EndKind, long EndOffset)
{
    /// <summary>PostgreSQL's default: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW (the whole partition when
    /// there is no ORDER BY, since every row is then a peer of every other).</summary>
    public static WindowFrame Default { get; } = new(FrameUnit.Range, FrameBoundKind.UnboundedPreceding, 0, FrameBoundKind.CurrentRow, 0);

    /// <summary>ROWS BETWEEN p PRECEDING AND f FOLLOWING; a null count means UNBOUNDED.</summary>
    public static WindowFrame Rows(int? preceding, int? following) => new(FrameUnit.Rows,
        preceding is null ? FrameBoundKind.UnboundedPreceding : FrameBoundKind.Preceding, preceding ?? 0,
        following is null ? FrameBoundKind.UnboundedFollowing : FrameBoundKind.Following, following ?? 0);

    /// <summary>EXCLUDE CURRENT ROW / GROUP / TIES: rows around the current one left out of its frame.</summary>
    public FrameExclusion Exclusion { get; init; }

    /// <summary>Whether sorted position <paramref name="k"/> is excluded from the frame of position <paramref name="i"/>.</summary>
    internal bool Excludes(int k, int i, PeerGroups peers) => Exclusion switch
    {
        FrameExclusion.CurrentRow => k == i,
        FrameExclusion.Group => peers.GroupOf(k) == peers.GroupOf(i),
        FrameExclusion.Ties => k != i && peers.GroupOf(k) == peers.GroupOf(i),
        _ => false,
    };

    /// <summary>RANGE offsets; null for ROWS and GROUPS frames and RANGE frames without an offset.</summary>
    public RangeOffsets? Offsets { get; init; }

    /// <summary>Frames anchored at the partition start only grow row by row, so an aggregate can run over them.</summary>
    public bool StartsAtPartitionStart => StartKind == FrameBoundKind.UnboundedPreceding;

    public override string ToString() => $"{Unit} {Bound(StartKind, StartOffset)} AND {Bound(EndKind, EndOffset)}".ToUpperInvariant()
        + (Exclusion == FrameExclusion.NoOthers ? "" : " EXCLUDE " + Planner.Logical.BoundFrame.ExclusionText(Exclusion))
        + (Offsets is null ? "" : $" ({Offsets})");

    private string Bound(FrameBoundKind kind, long offset) => kind switch
    {
        FrameBoundKind.UnboundedPreceding => "unbounded preceding",
        FrameBoundKind.Preceding when Offsets is not null => "offset preceding",
        FrameBoundKind.Following when Offsets is not null => "offset following",
        FrameBoundKind.Preceding => $"{offset} preceding",
        FrameBoundKind.CurrentRow => "current row",
        FrameBoundKind.Following => $"{offset} following",
        _ => "unbounded following",
    };
}
