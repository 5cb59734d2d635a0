using System.Buffers;
using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Joins;

/// <summary>
/// What one build worker has materialised of a packed-key join's build side: its rows' columns, hashes and key
/// words, in the order it read them, with no lock. Before, every worker appended to one shared store under a lock,
/// so the copies (and each doubling of the store) ran one at a time; the parts are concatenated in parallel once
/// the input is drained (<see cref="JoinHashTable"/>).
/// </summary>
internal sealed class PackedBuildPart : IDisposable
{
    private readonly MemoryBudget _memory;
    private readonly int _words;
    private long _reserved;

    // Rows the key arrays hold: the pool may hand out longer arrays, and a longer hash array must not pass for
    // room in the key words (three-word keys overran them).
    private int _capacity;

    public PackedBuildPart(IReadOnlyList<SqlType> types, int words, MemoryBudget memory)
    {
        _memory = memory;
        _words = words;
        Rows = new ColumnCollection(types, memory);
    }

    public ColumnCollection Rows { get; }

    public int Count => Rows.Count;

    /// <summary>Row k's hash; valid for k &lt; <see cref="Count"/>.</summary>
    public ulong[] Hashes { get; private set; } = [];

    /// <summary>Row k's key is <c>KeyWords[k * words ..]</c>.</summary>
    public ulong[] KeyWords { get; private set; } = [];

    /// <summary>Rows (of this part) with a NULL in a key column, in order.</summary>
    public List<int> NullRows { get; } = [];

    public void Append(Batch batch, JoinKeyEncoder encoder)
    {
        var n = encoder.Count;
        EnsureRoom(Count + n);
        var first = Rows.Append(batch);
        encoder.Hashes.AsSpan(0, n).CopyTo(Hashes.AsSpan(first));
        encoder.Keys.CopyTo(KeyWords.AsSpan(first * _words));
        if (!encoder.AnyNull)
            return;
        for (var k = 0; k < n; k++)
        {
            if (encoder.HasNull[k])
                NullRows.Add(first + k);
        }
    }

    public void Dispose()
    {
        Rows.Dispose();
        if (Hashes.Length > 0)
            ArrayPool<ulong>.Shared.Return(Hashes);
        if (KeyWords.Length > 0)
            ArrayPool<ulong>.Shared.Return(KeyWords);
        Hashes = [];
        KeyWords = [];
        _capacity = 0;
        _memory.Release(_reserved);
        _reserved = 0;
    }

    private void EnsureRoom(int rows)
    {
        if (rows <= _capacity)
            return;
        var size = Math.Max(rows, Math.Max(1024, _capacity * 2));
        var bytes = (size - _capacity) * 8L * (1 + _words);
        _capacity = size;
        _memory.Reserve(bytes);
        _reserved += bytes;
        Hashes = Grow(Hashes, size, Count);
        KeyWords = Grow(KeyWords, size * _words, Count * _words);
    }

    private static ulong[] Grow(ulong[] old, int length, int used)
    {
        var grown = ArrayPool<ulong>.Shared.Rent(length);
        old.AsSpan(0, used).CopyTo(grown);
        if (old.Length > 0)
            ArrayPool<ulong>.Shared.Return(old);
        return grown;
    }
}
