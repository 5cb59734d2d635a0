using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    /// <summary>The largest value stored in the map (entry + 1): <see cref="TryCountValues"/> checks its tallies reach it once
    /// per batch instead of once per row.</summary>
    private int _top;

    /// <summary>Counters per tally slot in <see cref="TryCountValues"/>: rows k, k+1, k+2, k+3 add to different lanes,
    /// so a run of one key (a flow's packets) is four independent increments instead of one chain through memory.</summary>
    public const int TallyLanes = 4;

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
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>
    /// <see cref="TryResolve"/> over one key column's values where they lie (key = value &amp; <paramref name="mask"/>,
    /// the packed word of a one-column key without NULLs), so a batch whose keys the index knows needs no packed words
    /// at all. <paramref name="rows"/> are the batch's live rows; key k is the value of rows[k]. -1 when a key lies
    /// outside the range, as <see cref="TryResolve"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int TryResolveValues<T>(ReadOnlySpan<T> values, ReadOnlySpan<int> rows, ulong mask, Span<int> entries, Span<int> misses)
        where T : unmanaged, IBinaryInteger<T>
    {
        var n = rows.Length;
        if (entries.Length < n || misses.Length < n)
            throw new ArgumentException("entries and misses must hold a slot per row", nameof(entries));
        if (_size == 0)
            return n == 0 ? 0 : -1;
        // Branch-free: an offset past the range reads the spare slot after the map (always 0, "not seen"), so the
        // loop has no exit and no store that depends on the key; only a batch with an unseen key is looked at again.
        ref var map = ref MemoryMarshal.GetArrayDataReference(_entries);
        ref var entry0 = ref MemoryMarshal.GetReference(entries);
        var low = _low;
        var size = (ulong)_size;
        var unseen = 0;
        if (Vectors.Batch.IsIdentity(rows))
        {
            var dense = values[..n];
            for (var k = 0; k < dense.Length; k++)
            {
                var offset = Math.Min((ulong.CreateTruncating(dense[k]) & mask) - low, size);
                var entry = Unsafe.Add(ref map, (nint)offset) - 1;
                Unsafe.Add(ref entry0, k) = entry;
                unseen |= entry;
            }
        }
        else
        {
            for (var k = 0; k < n; k++)
            {
                var offset = Math.Min((ulong.CreateTruncating(values[rows[k]]) & mask) - low, size);
                var entry = Unsafe.Add(ref map, (nint)offset) - 1;
                Unsafe.Add(ref entry0, k) = entry;
                unseen |= entry;
            }
        }
        return unseen >= 0 ? 0 : Unseen(values, rows, mask, entries, misses);
    }

    /// <summary>The positions of the keys not seen yet, or -1 when one lies outside the range.</summary>
    private int Unseen<T>(ReadOnlySpan<T> values, ReadOnlySpan<int> rows, ulong mask, ReadOnlySpan<int> entries, Span<int> misses)
        where T : unmanaged, IBinaryInteger<T>
    {
        var identity = Vectors.Batch.IsIdentity(rows);
        var missed = 0;
        for (var k = 0; k < rows.Length; k++)
        {
            if (entries[k] >= 0)
                continue;
            if ((ulong.CreateTruncating(values[identity ? k : rows[k]]) & mask) - _low >= (ulong)_size)
                return -1;
            misses[missed++] = k;
        }
        return missed;
    }

    /// <summary>
    /// count(*) without group numbers: for each live row adds one to <paramref name="tallies"/>[(entry + 1) *
    /// <see cref="TallyLanes"/> + lane], where entry is the key's known entry (key = value &amp; <paramref name="mask"/>, as
    /// <see cref="TryResolveValues"/>). Keys not seen yet or outside the range land in slot 0, which is cleared again; the
    /// result is how many rows did (<see cref="Uncounted"/> names them), or -1 when the index is empty.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int TryCountValues<T>(ReadOnlySpan<T> values, ReadOnlySpan<int> rows, ulong mask, Span<long> tallies)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (_size == 0)
            return -1;
        if (tallies.Length < (_top + 1) * TallyLanes)
            throw new ArgumentException("tallies must hold a slot per remembered entry", nameof(tallies));
        // Branch-free as TryResolveValues: an offset past the range reads the spare slot (0) and tallies into slot 0.
        ref var map = ref MemoryMarshal.GetArrayDataReference(_entries);
        ref var tally = ref MemoryMarshal.GetReference(tallies);
        var low = _low;
        var size = (ulong)_size;
        var n = rows.Length;
        var k = 0;
        if (Vectors.Batch.IsIdentity(rows))
        {
            var dense = values[..n];
            for (; k + TallyLanes <= n; k += TallyLanes)
            {
                Unsafe.Add(ref tally, Slot(ref map, dense[k], mask, low, size))++;
                Unsafe.Add(ref tally, Slot(ref map, dense[k + 1], mask, low, size) + 1)++;
                Unsafe.Add(ref tally, Slot(ref map, dense[k + 2], mask, low, size) + 2)++;
                Unsafe.Add(ref tally, Slot(ref map, dense[k + 3], mask, low, size) + 3)++;
            }
            for (; k < n; k++)
                Unsafe.Add(ref tally, Slot(ref map, dense[k], mask, low, size))++;
        }
        else
        {
            for (; k + TallyLanes <= n; k += TallyLanes)
            {
                Unsafe.Add(ref tally, Slot(ref map, values[rows[k]], mask, low, size))++;
                Unsafe.Add(ref tally, Slot(ref map, values[rows[k + 1]], mask, low, size) + 1)++;
                Unsafe.Add(ref tally, Slot(ref map, values[rows[k + 2]], mask, low, size) + 2)++;
                Unsafe.Add(ref tally, Slot(ref map, values[rows[k + 3]], mask, low, size) + 3)++;
            }
            for (; k < n; k++)
                Unsafe.Add(ref tally, Slot(ref map, values[rows[k]], mask, low, size))++;
        }
        var missed = tallies[..TallyLanes];
        var uncounted = missed[0] + missed[1] + missed[2] + missed[3];
        missed.Clear();
        return (int)uncounted;
    }

    /// <summary>The first tally of a value's slot: (its map value) × <see cref="TallyLanes"/>; 0 for a value the index
    /// has not seen or that lies outside the range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Slot<T>(ref int map, T value, ulong mask, ulong low, ulong size)
        where T : unmanaged, IBinaryInteger<T> =>
        (nint)Unsafe.Add(ref map, (nint)Math.Min((ulong.CreateTruncating(value) & mask) - low, size)) * TallyLanes;

    /// <summary>Writes the rows (from <paramref name="rows"/>) whose keys <see cref="TryCountValues"/> left uncounted — not
    /// seen yet or outside the range — to <paramref name="uncounted"/>; returns how many.</summary>
    public int Uncounted<T>(ReadOnlySpan<T> values, ReadOnlySpan<int> rows, ulong mask, Span<int> uncounted)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (_size == 0)
        {
            rows.CopyTo(uncounted);
            return rows.Length;
        }
        var map = _entries.AsSpan(0, _size + 1);
        var found = 0;
        foreach (var row in rows)
        {
            if (map[(int)Math.Min((ulong.CreateTruncating(values[row]) & mask) - _low, (ulong)_size)] == 0)
                uncounted[found++] = row;
        }
        return found;
    }

    /// <summary>Records that <paramref name="key"/> (covered) is entry <paramref name="entry"/> of the table.</summary>
    public void Remember(ulong key, int entry)
    {
        _entries[(int)(key - _low)] = entry + 1;
        _top = Math.Max(_top, entry + 1);
    }

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
        // One spare slot past the map, always 0: TryResolveValues reads it for keys outside the range.
        var entries = ArrayPool<int>.Shared.Rent(size + 1);
        entries.AsSpan(0, size + 1).Clear();
        if (_size > 0)
            _entries.AsSpan(0, _size).CopyTo(entries.AsSpan((int)(_low - low)));
        Dispose();
        _reserved = bytes;
        _entries = entries;
        _low = low;
        _size = size;
    }
}
