using System.Buffers;
using Vnd.Executor.Execution;

namespace Vnd.Executor.Operators.Hashing;

/// <summary>
/// A direct-indexed cache in front of a <see cref="KeyTable"/> of one-word keys whose values span a small range —
/// the perfect hashing DuckDB applies to small group-key ranges. GROUP BY src_ip over a capture whose addresses span
/// a few hundred values then costs a subtraction and an array read a row: no hash, no probe, no unpredictable branch.
/// The key table stays the record of every key and its entry number; the index only remembers where keys it has
/// seen went, so a key outside the range (a NULL's flag bit, an outlier) simply takes the hash path.
/// </summary>
public sealed class DirectKeyIndex : IDisposable
{
    /// <summary>Largest range indexed (256 KB of entries): beyond it the map would not stay in cache.</summary>
    public const int MaxRange = 1 << 16;

    private readonly MemoryBudget _memory;
    private int[] _entries = [];
    private ulong _low;
    private int _size;
    private long _reserved;

    public DirectKeyIndex(MemoryBudget memory) => _memory = memory;

    /// <summary>
    /// True when every key of <paramref name="keys"/> lies in the indexed range, widening the range first (keeping
    /// what it knows) if the union still spans at most <see cref="MaxRange"/> values; false leaves the range as it was.
    /// </summary>
    public bool Covers(ReadOnlySpan<ulong> keys)
    {
        if (keys.IsEmpty)
            return true;
        var min = ulong.MaxValue;
        var max = ulong.MinValue;
        foreach (var key in keys)
        {
            min = Math.Min(min, key);
            max = Math.Max(max, key);
        }
        if (_size > 0 && min >= _low && max - _low < (ulong)_size)
            return true;
        var low = _size > 0 ? Math.Min(min, _low) : min;
        var high = _size > 0 ? Math.Max(max, _low + (ulong)_size - 1) : max;
        if (high - low >= MaxRange)
            return false;
        Rebase(low, (int)(high - low) + 1);
        return true;
    }

    /// <summary>Writes the known entry of each key (all covered) to <paramref name="entries"/> and the positions of
    /// keys not seen yet to <paramref name="misses"/>; returns how many there were.</summary>
    public int Resolve(ReadOnlySpan<ulong> keys, Span<int> entries, Span<int> misses)
    {
        var missed = TryResolve(keys, entries, misses);
        if (missed < 0)
            throw new ArgumentException("a key lies outside the indexed range", nameof(keys));
        return missed;
    }

    /// <summary>
    /// <see cref="Resolve"/> when every key already lies in the indexed range, checked as each key is looked up (the
    /// check replaces the map's bounds check, so a batch costs one pass instead of <see cref="Covers"/>' extra one);
    /// -1 at the first key outside it, leaving the index as it was.
    /// </summary>
    public int TryResolve(ReadOnlySpan<ulong> keys, Span<int> entries, Span<int> misses)
    {
        var map = _entries.AsSpan(0, _size);
        var low = _low;
        var size = (ulong)_size;
        var missed = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            var offset = keys[k] - low;
            if (offset >= size)
                return -1;
            var entry = map[(int)offset] - 1;
            entries[k] = entry;
            if (entry < 0)
                misses[missed++] = k;
        }
        return missed;
    }

    /// <summary>Records that <paramref name="key"/> (covered) is entry <paramref name="entry"/> of the table.</summary>
    public void Remember(ulong key, int entry) => _entries[(int)(key - _low)] = entry + 1;

    public void Dispose()
    {
        _memory.Release(_reserved);
        _reserved = 0;
        if (_entries.Length > 0)
            ArrayPool<int>.Shared.Return(_entries);
        _entries = [];
        _size = 0;
    }

    private void Rebase(ulong low, int size)
    {
        var bytes = (long)size * sizeof(int);
        _memory.Reserve(bytes);
        var entries = ArrayPool<int>.Shared.Rent(size);
        entries.AsSpan(0, size).Clear();
        if (_size > 0)
            _entries.AsSpan(0, _size).CopyTo(entries.AsSpan((int)(_low - low)));
        Dispose();
        _reserved = bytes;
        _entries = entries;
        _low = low;
        _size = size;
    }
}
