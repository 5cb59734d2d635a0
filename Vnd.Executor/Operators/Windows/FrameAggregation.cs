using Vnd.Executor.Execution;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Windows;

/// <summary>
/// An aggregate over each row's frame within one partition. Three strategies, cheapest first:
/// frames anchored at the partition start only grow, so one running accumulator is extended row by row;
/// a retractable aggregate (count, integer sum/avg) follows a moving frame by adding the rows that enter and
/// retracting those that leave, O(1) amortised per row since frame edges only advance; any other aggregate
/// (float sums, …) re-aggregates each frame, as PostgreSQL does without an inverse transition, but a block of
/// rows at a time into one accumulator with a group per row; min and max use a monotonic deque instead
/// (<paramref name="extremes"/>: the argument's encoded keys, the better value smaller).
/// </summary>
internal sealed class FrameAggregation(WindowCall call, MemoryBudget memory, WindowStream.KeyColumn? extremes)
{
    private int[] _deque = [];
    private readonly int[] _zeros = new int[Batch.Capacity];
    private readonly int[] _rows = new int[Batch.Capacity];
    private readonly int[] _groups = new int[Batch.Capacity];
    private readonly int[] _identity = Enumerable.Range(0, Batch.Capacity).ToArray();
    private readonly Vector _block = new(call.ResultType, Batch.Capacity);

    /// <summary>X of a two-argument aggregate for the partition being computed.</summary>
    private Vector? _x;

    /// <param name="x">the second argument's column of a two-argument aggregate (corr, regr_*), null otherwise</param>
    public void Compute(int[] order, PeerGroups peers, RangeFrameKeys? range, Vector argument, Vector? x, Vector result)
    {
        _x = x;
        var frame = call.EffectiveFrame;
        if (frame.Exclusion != Vnd.Planner.Syntax.Ast.FrameExclusion.NoOthers)
        {
            // A frame with holes around the current row is neither a growing nor a sliding range: aggregate each.
            Recompute(order, peers, range, argument, result);
            return;
        }
        using var accumulator = call.Aggregate!.CreateAccumulator(memory);
        accumulator.Resize(1);
        if (frame.StartsAtPartitionStart)
        {
            var added = peers.Start;
            for (var i = peers.Start; i < peers.End; i++)
            {
                var (_, to) = FrameBounds.Of(frame, i, peers, order, range);
                Feed(accumulator, argument, order, added, to);
                added = Math.Max(added, to);
                Emit(accumulator, result, i);
            }
            return;
        }
        if (extremes is not null)
        {
            SlideExtreme(extremes, order, peers, range, argument, result);
            return;
        }
        if (accumulator is IRetractableAccumulator { CanRetract: true } retractable)
        {
            Slide(accumulator, retractable, order, peers, range, argument, result);
            return;
        }
        Recompute(order, peers, range, argument, result);
    }

    /// <summary>Keeps the accumulator equal to the current frame [from, to) as it moves (either edge, either way).</summary>
    private void Slide(Accumulator accumulator, IRetractableAccumulator retractable, int[] order, PeerGroups peers, RangeFrameKeys? range,
        Vector argument, Vector result)
    {
        var frame = call.EffectiveFrame;
        int from = peers.Start, to = peers.Start;
        for (var i = peers.Start; i < peers.End; i++)
        {
            var (f, t) = FrameBounds.Of(frame, i, peers, order, range);
            if (t <= from || f >= to)
            {
                Retract(retractable, argument, order, from, to);
                Feed(accumulator, argument, order, f, t);
            }
            else
            {
                Feed(accumulator, argument, order, to, t);
                Retract(retractable, argument, order, t, to);
                Feed(accumulator, argument, order, f, from);
                Retract(retractable, argument, order, from, f);
            }
            (from, to) = (f, t);
            Emit(accumulator, result, i);
        }
    }

    /// <summary>
    /// min/max over a moving frame: a deque of positions whose keys increase from front to back, so the front is
    /// the frame's extreme. Each position enters and leaves once (O(n) per partition, where re-aggregating is
    /// O(n × frame)); a later equal value replaces an earlier one, as PostgreSQL's larger/smaller keep the later.
    /// NULLs never enter. A frame that moves backwards (never for ROWS/RANGE/GROUPS offsets) restarts the deque.
    /// </summary>
    private void SlideExtreme(WindowStream.KeyColumn keys, int[] order, PeerGroups peers, RangeFrameKeys? range, Vector argument, Vector result)
    {
        var frame = call.EffectiveFrame;
        if (_deque.Length < peers.End - peers.Start)
            _deque = new int[peers.End - peers.Start];
        int head = 0, tail = 0, added = peers.Start, lastFrom = peers.Start;
        for (var i = peers.Start; i < peers.End; i++)
        {
            var (from, to) = FrameBounds.Of(frame, i, peers, order, range);
            if (from < lastFrom || to < added || added < from)
            {
                head = tail = 0;
                added = from;
            }
            lastFrom = from;
            for (; added < to; added++)
            {
                var id = order[added];
                if (keys.IsNull(id))
                    continue;
                while (tail > head && keys.Compare(order[_deque[tail - 1]], id) >= 0)
                    tail--;
                _deque[tail++] = added;
            }
            while (head < tail && _deque[head] < from)
                head++;
            if (head == tail)
                result.SetNull(i);
            else
                VectorCopy.Gather(argument, [order[_deque[head]]], result, i);
        }
    }

    /// <summary>Aggregates the frames of up to a block of rows at once: row i's frame goes to group i − first.</summary>
    private void Recompute(int[] order, PeerGroups peers, RangeFrameKeys? range, Vector argument, Vector result)
    {
        var frame = call.EffectiveFrame;
        for (var first = peers.Start; first < peers.End; first += Batch.Capacity)
        {
            var count = Math.Min(Batch.Capacity, peers.End - first);
            using var accumulator = call.Aggregate!.CreateAccumulator(memory);
            accumulator.Resize(count);
            var pending = 0;
            for (var i = first; i < first + count; i++)
            {
                var (from, to) = FrameBounds.Of(frame, i, peers, order, range);
                for (var k = from; k < to; k++)
                {
                    if (frame.Excludes(k, i, peers))
                        continue;
                    if (pending == Batch.Capacity)
                    {
                        Update(accumulator, argument, _rows, _groups);
                        pending = 0;
                    }
                    _rows[pending] = order[k];
                    _groups[pending++] = i - first;
                }
            }
            Update(accumulator, argument, _rows.AsSpan(0, pending), _groups.AsSpan(0, pending));
            _block.ResetFlat();
            accumulator.Finish(0, count, _block);
            VectorCopy.Gather(_block, _identity.AsSpan(0, count), result, first);
        }
    }

    private void Feed(Accumulator accumulator, Vector argument, int[] order, int from, int to)
    {
        for (var k = from; k < to; k += Batch.Capacity)
        {
            var n = Math.Min(Batch.Capacity, to - k);
            Update(accumulator, argument, order.AsSpan(k, n), _zeros.AsSpan(0, n));
        }
    }

    private void Update(Accumulator accumulator, Vector argument, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        if (_x is not null)
            ((RegressionAccumulator)accumulator).Update(argument, _x, rows, groups);
        else
            accumulator.Update(argument, rows, groups);
    }

    private void Retract(IRetractableAccumulator accumulator, Vector argument, int[] order, int from, int to)
    {
        for (var k = from; k < to; k += Batch.Capacity)
        {
            var n = Math.Min(Batch.Capacity, to - k);
            accumulator.Retract(argument, order.AsSpan(k, n), _zeros.AsSpan(0, n));
        }
    }

    private void Emit(Accumulator accumulator, Vector result, int position)
    {
        _block.ResetFlat();
        accumulator.Finish(0, 1, _block);
        VectorCopy.Gather(_block, [0], result, position);
    }
}
