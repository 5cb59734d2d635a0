using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Windows;

/// <summary>The window function bodies over one partition: sorted positions [peers.Start, peers.End) of <c>order</c>.</summary>
internal static class WindowFunctions
{
    public static void Compute(WindowCall call, int[] order, PeerGroups peers, Vector argument, Vector fallback, Vector result, MemoryBudget memory)
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
            case WindowKind.FirstValue or WindowKind.LastValue:
                for (var i = start; i < end; i++)
                {
                    var (from, to) = FrameBounds.Of(call.EffectiveFrame, i, peers);
                    if (from >= to)
                        result.SetNull(i);
                    else
                        VectorCopy.Gather(argument, [order[call.Kind == WindowKind.FirstValue ? from : to - 1]], result, i);
                }
                return;
        }
        Aggregate(call, order, peers, argument, result, memory);
    }

    /// <summary>
    /// An aggregate over each row's frame. Frames that start at the partition start (the default, and ROWS
    /// UNBOUNDED PRECEDING) only grow, so one running accumulator is extended row by row; other frames
    /// aggregate their rows afresh, one group per row.
    /// </summary>
    private static void Aggregate(WindowCall call, int[] order, PeerGroups peers, Vector argument, Vector result, MemoryBudget memory)
    {
        var single = new Vector(result.Type, 1);
        var zeros = new int[Batch.Capacity];
        var frame = call.EffectiveFrame;
        using var accumulator = call.Aggregate!.CreateAccumulator(memory);
        accumulator.Resize(1);
        var added = peers.Start;
        for (var i = peers.Start; i < peers.End; i++)
        {
            var (from, to) = FrameBounds.Of(frame, i, peers);
            if (!frame.StartsAtPartitionStart)
            {
                using var fresh = call.Aggregate.CreateAccumulator(memory);
                fresh.Resize(1);
                Feed(fresh, argument, order, from, to, zeros);
                Emit(fresh, single, result, i);
                continue;
            }
            Feed(accumulator, argument, order, added, to, zeros);
            added = Math.Max(added, to);
            Emit(accumulator, single, result, i);
        }
    }

    private static void Feed(Aggregates.Accumulator accumulator, Vector argument, int[] order, int from, int to, int[] zeros)
    {
        for (var k = from; k < to; k += Batch.Capacity)
        {
            var n = Math.Min(Batch.Capacity, to - k);
            accumulator.Update(argument, order.AsSpan(k, n), zeros.AsSpan(0, n));
        }
    }

    private static void Emit(Aggregates.Accumulator accumulator, Vector single, Vector result, int position)
    {
        single.ResetFlat();
        accumulator.Finish(0, 1, single);
        VectorCopy.Gather(single, [0], result, position);
    }
}
