using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vnd.Executor.Storage.Sketches;

/// <summary>
/// Adds one batch of a column's values (their 64-bit forms) to a distinct-count sketch, chunk by chunk. Most trace
/// columns repeat a few values (addresses, ports, protocol, flags, lengths): for them a small direct-mapped memory of
/// values already added in this batch skips the hash and the register update of nearly every value, since adding a
/// value again leaves the sketch as it was. Columns of mostly new values (timestamps, sequence numbers, packet ids)
/// would only pay for the memory (a miss costs a scalar hash and a mispredicted branch), so once a batch has missed
/// <see cref="MissLimit"/> times the rest of it is hashed four at a time and added without a branch per value instead.
/// Either way the registers end exactly as adding every value one by one leaves them (a test compares them).
/// </summary>
internal ref struct SketchValueAdder
{
    /// <summary>Entries of the memory (a value sits at its low bits).</summary>
    public const int RecentSize = 1024;

    /// <summary>
    /// New values a batch may bring before it leaves the memory: a column of a few hundred distinct values (hosts,
    /// ports) stays under it for a whole 64Ki-row batch, one of mostly new values reaches it in its first rows.
    /// </summary>
    private const int MissLimit = 1024;

    private readonly HyperLogLog _sketch;
    private readonly Span<ulong> _recent;
    private readonly Span<ulong> _hashes;
    private int _misses;
    private bool _vectorised;

    /// <param name="recent">Scratch for the memory: <see cref="RecentSize"/> words.</param>
    /// <param name="hashes">Scratch for hashes: at least as long as the longest chunk given to <see cref="Add"/>.</param>
    public SketchValueAdder(HyperLogLog sketch, Span<ulong> recent, Span<ulong> hashes)
    {
        if (recent.Length != RecentSize)
            throw new ArgumentException($"the memory needs {RecentSize} words", nameof(recent));
        _sketch = sketch;
        _recent = recent;
        _hashes = hashes;
        // An empty entry must match no value that maps to it: entry s holds s + 1, whose low bits are not s.
        for (var s = 0; s < recent.Length; s++)
            recent[s] = (ulong)s + 1;
    }

    /// <summary>Adds every value of <paramref name="values"/> (at most as many as the hash scratch holds).</summary>
    // Per chunk of every sketched column: without the attribute it ran tier-0, then instrumented, for the first
    // seconds of an import (perf, docs/benchmarks.md ingest8).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(scoped ReadOnlySpan<ulong> values)
    {
        // A chunk of one value (the protocol, the flags of a bulk transfer, a full segment's length) adds that value
        // once: adding it again leaves the registers as they were, and in the memory it would only have hit.
        if (values.Length > 1 && values[1..].IndexOfAnyExcept(values[0]) < 0)
            values = values[..1];
        if (_vectorised)
        {
            var hashes = _hashes[..values.Length];
            SketchHash.OfAll(values, hashes);
            _sketch.AddAll(hashes);
            return;
        }
        _misses += values.Length - AddThroughMemory(values);
        _vectorised = _misses > MissLimit;
    }

    /// <summary>Adds the values not in the memory and remembers them; returns how many were in it.</summary>
    /// <remarks>
    /// Branch-free: every value is written to its entry (a repeat writes what is there) and to the end of the list
    /// of missed values, whose length grows only on a miss; the missed values are then hashed four at a time and
    /// added with conditional moves. A branch per value mispredicted on columns that mix repeats and new values
    /// (ports, lengths), and each miss paid a scalar hash.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import (see PrimitiveColumnBuilder.AddHashes)
    private readonly int AddThroughMemory(scoped ReadOnlySpan<ulong> values)
    {
        if (_hashes.Length < values.Length)
            throw new ArgumentException("the hash scratch is shorter than the chunk", nameof(values));
        ref var recent = ref MemoryMarshal.GetReference(_recent);
        ref var missed = ref MemoryMarshal.GetReference(_hashes);
        var count = 0;
        foreach (var value in values)
        {
            // The low bits index RecentSize entries: always in bounds; count is at most the values seen so far,
            // below the scratch's length.
            ref var entry = ref Unsafe.Add(ref recent, (nint)(value & (RecentSize - 1)));
            var miss = entry != value;
            entry = value;
            Unsafe.Add(ref missed, count) = value;
            count += Unsafe.BitCast<bool, byte>(miss);
        }
        var hashes = _hashes[..count];
        SketchHash.OfAll(hashes, hashes);
        _sketch.AddAll(hashes);
        return values.Length - count;
    }
}
