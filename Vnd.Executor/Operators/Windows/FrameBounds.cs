using Vnd.Planner.Syntax.Ast;

namespace Vnd.Executor.Operators.Windows;

/// <summary>Resolves a <see cref="WindowFrame"/> to the sorted positions [from, to) of one row's frame.</summary>
internal static class FrameBounds
{
    /// <param name="range">the encoded keys of a RANGE frame with offsets (null otherwise)</param>
    public static (int From, int To) Of(WindowFrame frame, int i, PeerGroups peers, int[] order, RangeFrameKeys? range)
    {
        var from = range is not null && frame.StartKind is FrameBoundKind.Preceding or FrameBoundKind.Following
            ? range.Edge(order, i, peers, isStart: true)
            : Edge(frame.Unit, frame.StartKind, frame.StartOffset, i, peers, start: true);
        var to = range is not null && frame.EndKind is FrameBoundKind.Preceding or FrameBoundKind.Following
            ? range.Edge(order, i, peers, isStart: false)
            : Edge(frame.Unit, frame.EndKind, frame.EndOffset, i, peers, start: false);
        return (from, Math.Max(from, to));
    }

    /// <summary>A start edge is the first position in the frame, an end edge the first position after it; both
    /// are clamped to the partition. Offsets are longs, so the arithmetic is done in long before clamping.</summary>
    private static int Edge(FrameUnit unit, FrameBoundKind kind, long offset, int i, PeerGroups peers, bool start)
    {
        switch (kind)
        {
            case FrameBoundKind.UnboundedPreceding:
                return peers.Start;
            case FrameBoundKind.UnboundedFollowing:
                return peers.End;
        }
        var signed = kind switch
        {
            FrameBoundKind.Preceding => -offset,
            FrameBoundKind.Following => offset,
            _ => 0,
        };
        if (unit == FrameUnit.Rows)
            return Clamp(i + signed + (start ? 0 : 1), peers.Start, peers.End);
        // RANGE (only CURRENT ROW reaches here) and GROUPS move by whole peer groups.
        var group = peers.GroupOf(i) + signed;
        if (group < 0)
            return peers.Start;
        if (group >= peers.Count)
            return peers.End;
        return start ? peers.GroupStart((int)group) : peers.GroupEnd((int)group);
    }

    private static int Clamp(long position, int low, int high) => (int)Math.Clamp(position, low, high);
}
