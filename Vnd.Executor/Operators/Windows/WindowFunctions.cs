using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Windows;

/// <summary>The window function bodies over one partition: sorted positions [peers.Start, peers.End) of <c>order</c>.</summary>
internal static class WindowFunctions
{
    /// <param name="range">the encoded keys of a RANGE frame with offsets (null otherwise)</param>
    /// <param name="aggregation">set for aggregate calls</param>
    public static void Compute(WindowCall call, int[] order, PeerGroups peers, RangeFrameKeys? range, FrameAggregation? aggregation,
        Vector argument, Vector fallback, Vector result)
    {
        int start = peers.Start, end = peers.End;
        switch (call.Kind)
        {
            case WindowKind.RowNumber:
                for (var i = start; i < end; i++)
                    result.Set(i, (long)(i - start + 1));
                return;
            case WindowKind.Rank or WindowKind.DenseRank:
                for (var i = start; i < end; i++)
                {
                    var group = peers.GroupOf(i);
                    result.Set(i, call.Kind == WindowKind.Rank ? (long)(peers.GroupStart(group) - start + 1) : group + 1L);
                }
                return;
            case WindowKind.Lag or WindowKind.Lead:
                var shift = call.Kind == WindowKind.Lag ? -(long)call.Offset : call.Offset;
                for (var i = start; i < end; i++)
                {
                    var j = i + shift;
                    if (j < start || j >= end)
                        VectorCopy.Gather(fallback, [order[i]], result, i);
                    else
                        VectorCopy.Gather(argument, [order[(int)j]], result, i);
                }
                return;
            case WindowKind.FirstValue or WindowKind.LastValue or WindowKind.NthValue:
                FrameValue(call, order, peers, range, argument, result);
                return;
            case WindowKind.Ntile or WindowKind.PercentRank or WindowKind.CumeDist:
                Distribution.Compute(call, order, peers, argument, result);
                return;
        }
        aggregation!.Compute(order, peers, range, argument, call.Aggregate!.X is null ? null : fallback, result);
    }

    /// <summary>first_value, last_value, nth_value: one row of each row's frame, NULL when the frame is too short.</summary>
    private static void FrameValue(WindowCall call, int[] order, PeerGroups peers, RangeFrameKeys? range, Vector argument, Vector result)
    {
        if (call.Kind == WindowKind.NthValue && call.Offset <= 0 && peers.End > peers.Start)
            throw new ExecutionException("22016", "argument of nth_value must be greater than zero");
        var frame = call.EffectiveFrame;
        for (var i = peers.Start; i < peers.End; i++)
        {
            var (from, to) = FrameBounds.Of(frame, i, peers, order, range);
            if (frame.Exclusion != Vnd.Planner.Syntax.Ast.FrameExclusion.NoOthers)
            {
                FrameValueExcluding(call, frame, order, peers, i, from, to, argument, result);
                continue;
            }
            var at = call.Kind switch
            {
                WindowKind.FirstValue => from,
                WindowKind.LastValue => to - 1,
                _ => from + (long)call.Offset - 1,
            };
            if (from >= to || at >= to)
                result.SetNull(i);
            else
                VectorCopy.Gather(argument, [order[(int)at]], result, i);
        }
    }

    /// <summary>first/last/nth value among the frame's rows that EXCLUDE leaves in.</summary>
    private static void FrameValueExcluding(WindowCall call, WindowFrame frame, int[] order, PeerGroups peers, int i, int from, int to,
        Vector argument, Vector result)
    {
        var wanted = call.Kind == WindowKind.NthValue ? (long)call.Offset : 1;
        var seen = 0L;
        var found = -1;
        if (call.Kind == WindowKind.LastValue)
        {
            for (var k = to - 1; k >= from && found < 0; k--)
            {
                if (!frame.Excludes(k, i, peers))
                    found = k;
            }
        }
        else
        {
            for (var k = from; k < to && found < 0; k++)
            {
                if (!frame.Excludes(k, i, peers) && ++seen == wanted)
                    found = k;
            }
        }
        if (found < 0)
            result.SetNull(i);
        else
            VectorCopy.Gather(argument, [order[found]], result, i);
    }
}
