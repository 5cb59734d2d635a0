using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Windows;

/// <summary>The window function bodies over one partition: sorted positions [start, end) of <c>order</c>.</summary>
internal static class WindowFunctions
{
    public static void Compute(WindowCall call, int[] order, int start, int end, WindowStream.KeyColumn peers, bool ordered,
        Vector argument, Vector result, MemoryBudget memory)
    {
        switch (call.Kind)
        {
            case WindowKind.RowNumber:
                for (var i = start; i < end; i++)
                    result.Set(i, (long)(i - start + 1));
                return;
            case WindowKind.Rank or WindowKind.DenseRank:
                long rank = 0, dense = 0;
                for (var i = start; i < end; i++)
                {
                    if (i == start || peers.Compare(order[i - 1], order[i]) != 0)
                    {
                        rank = i - start + 1;
                        dense++;
                    }
                    result.Set(i, call.Kind == WindowKind.Rank ? rank : dense);
                }
                return;
            case WindowKind.Lag or WindowKind.Lead:
                var shift = call.Kind == WindowKind.Lag ? -call.Offset : call.Offset;
                for (var i = start; i < end; i++)
                {
                    var j = i + shift;
                    if (j < start || j >= end)
                        result.SetNull(i);
                    else
                        VectorCopy.Gather(argument, [order[j]], result, i);
                }
                return;
        }
        if (call.Kind is WindowKind.FirstValue or WindowKind.LastValue)
        {
            for (var i = start; i < end; i++)
            {
                var (from, to) = Frame(call, i, start, end, order, peers, ordered);
                if (from >= to)
                    result.SetNull(i);
                else
                    VectorCopy.Gather(argument, [order[call.Kind == WindowKind.FirstValue ? from : to - 1]], result, i);
            }
            return;
        }
        Aggregate(call, order, start, end, peers, ordered, argument, result, memory);
    }

    /// <summary>
    /// An aggregate over each row's frame. Frames that start at the partition start (the default, and ROWS
    /// UNBOUNDED PRECEDING) only grow, so one running accumulator is extended row by row; bounded frames
    /// aggregate their rows afresh, one group per row.
    /// </summary>
    private static void Aggregate(WindowCall call, int[] order, int start, int end, WindowStream.KeyColumn peers, bool ordered,
        Vector argument, Vector result, MemoryBudget memory)
    {
        var single = new Vector(result.Type, 1);
        var zeros = new int[Batch.Capacity];
        var running = call.RowsFrame is not { Preceding: not null };
        using var accumulator = call.Aggregate!.CreateAccumulator(memory);
        accumulator.Resize(1);
        var added = start;
        for (var i = start; i < end; i++)
        {
            var (from, to) = Frame(call, i, start, end, order, peers, ordered);
            if (!running)
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

    /// <summary>The frame of sorted position <paramref name="i"/> as [from, to).</summary>
    private static (int From, int To) Frame(WindowCall call, int i, int start, int end, int[] order, WindowStream.KeyColumn peers, bool ordered)
    {
        if (call.RowsFrame is var (preceding, following))
        {
            var from = preceding is { } p ? Math.Max(start, i - p) : start;
            var to = following is { } f ? Math.Min(end, i + f + 1) : end;
            return (from, to);
        }
        if (!ordered)
            return (start, end);
        var last = i + 1;
        while (last < end && peers.Compare(order[i], order[last]) == 0)
            last++;
        return (start, last);
    }
}
