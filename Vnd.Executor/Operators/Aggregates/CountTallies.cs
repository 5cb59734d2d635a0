using Vnd.Executor.Execution;
using Vnd.Executor.Operators.Hashing;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// The rows a <see cref="GroupTable"/>'s count-only fast path counted and has not yet added to its count accumulators:
/// one slot per direct-index map value (entry + 1; slot 0 takes the keys the index did not know), of
/// <see cref="DirectKeyIndex.TallyLanes"/> counters each, filled by <see cref="DirectKeyIndex.TryCountValues"/>. Kept apart
/// from the accumulators so the lookup loop adds to one array whatever the number of counts in the query.
/// </summary>
internal sealed class CountTallies(MemoryBudget memory) : IDisposable
{
    private long[] _slots = [];
    private long _reserved;
    private bool _pending;

    /// <summary>The counters, for <see cref="DirectKeyIndex.TryCountValues"/>; empty before the first group.</summary>
    public Span<long> Slots => _slots;

    /// <summary>Notes that <see cref="Slots"/> may hold rows not yet folded.</summary>
    public void MarkPending() => _pending = true;

    /// <summary>Keeps a slot for each of <paramref name="groups"/> groups (the direct index names at most those).</summary>
    public void Grow(int groups)
    {
        var needed = (groups + 1) * DirectKeyIndex.TallyLanes;
        if (_slots.Length >= needed)
            return;
        var size = Math.Max(needed, _slots.Length * 2);
        var bytes = (long)(size - _slots.Length) * sizeof(long);
        memory.Reserve(bytes);
        _reserved += bytes;
        Array.Resize(ref _slots, size);
    }

    /// <summary>Adds each group's tallied rows to every accumulator (all <see cref="CountAccumulator"/>s) and clears them.</summary>
    public void FoldInto(Accumulator[] accumulators, int groups)
    {
        if (!_pending)
            return;
        _pending = false;
        var lanes = DirectKeyIndex.TallyLanes;
        for (var g = 0; g < groups && (g + 2) * lanes <= _slots.Length; g++)
        {
            var slot = _slots.AsSpan((g + 1) * lanes, lanes);
            var rows = 0L;
            foreach (var lane in slot)
                rows += lane;
            if (rows == 0)
                continue;
            slot.Clear();
            foreach (var a in accumulators)
                ((CountAccumulator)a).Add(g, rows);
        }
    }

    public void Dispose()
    {
        memory.Release(_reserved);
        _reserved = 0;
        _slots = [];
    }
}
