using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Joins;

/// <summary>
/// Up to <see cref="Capacity"/> build rows of a packed-key join, written by one worker with no lock: their columns,
/// hashes, key words and key offsets. Chunk i's rows have the ids <c>i &lt;&lt; Bits ..</c>, so a row id finds its
/// chunk with a shift and the chunks are read where they were written (<see cref="BuildChunkStore"/>). Before, each
/// worker grew one part by doubling and the parts were then concatenated: three copies of a 10M-row build side,
/// each into freshly faulted pages (perf, one-hop delay join: a third of the build's time).
/// </summary>
internal sealed class BuildChunk : IDisposable
{
    public const int Bits = 16;
    public const int Capacity = 1 << Bits;

    private readonly MemoryBudget _memory;
    private readonly BufferRecycler _buffers;
    private readonly int _words;
    private long _reserved;
    private int _capacity;

    /// <param name="capacity">Rows to make room for at once: a worker's first chunk starts small (most build
    /// sides are small) and grows; its later chunks start full size.</param>
    /// <param name="buffers">The engine's recycler: the chunk's columns and arrays come from it and go back on
    /// Dispose, so a repeated build writes into pages already faulted in.</param>
    public BuildChunk(int index, IReadOnlyList<SqlType> types, int words, MemoryBudget memory, BufferRecycler buffers, int capacity)
    {
        Index = index;
        _memory = memory;
        _buffers = buffers;
        _words = words;
        Rows = new ColumnCollection(types, memory, Math.Min(Capacity, capacity), buffers);
        try
        {
            EnsureRoom(Math.Min(Capacity, capacity));
        }
        catch
        {
            // The store never sees a chunk whose constructor failed: give back the columns' reservation here.
            Dispose();
            throw;
        }
    }

    /// <summary>Its place in the store: its first row id is <c>Index &lt;&lt; Bits</c>.</summary>
    public int Index { get; }

    public int First => Index << Bits;

    public ColumnCollection Rows { get; }

    public int Count => Rows.Count;

    public int Room => Capacity - Count;

    /// <summary>Row k's hash (k &lt; <see cref="Count"/>).</summary>
    public ulong[] Hashes { get; private set; } = [];

    /// <summary>Row k's key is <c>KeyWords[k * words ..]</c>.</summary>
    public ulong[] KeyWords { get; private set; } = [];

    /// <summary>Row k's key word offset (<c>k * words</c>), -1 when a key column is NULL.</summary>
    public int[] Offsets { get; private set; } = [];

    public bool AnyNull { get; private set; }

    /// <summary>Appends <paramref name="rows"/> of <paramref name="columns"/>, whose keys are the encoder's keys
    /// <paramref name="from"/> onwards; the caller keeps within <see cref="Room"/>.</summary>
    public void Append(ReadOnlySpan<Vector> columns, ReadOnlySpan<int> rows, JoinKeyEncoder encoder, int from)
    {
        var n = rows.Length;
        var at = Count;
        EnsureRoom(at + n);
        Rows.Append(columns, rows);
        encoder.Hashes.AsSpan(from, n).CopyTo(Hashes.AsSpan(at));
        encoder.Keys.Slice(from * _words, n * _words).CopyTo(KeyWords.AsSpan(at * _words));
        var offsets = Offsets.AsSpan(at, n);
        for (var k = 0; k < n; k++)
            offsets[k] = (at + k) * _words;
        if (!encoder.AnyNull)
            return;
        for (var k = 0; k < n; k++)
        {
            if (encoder.HasNull[from + k])
            {
                offsets[k] = -1;
                AnyNull = true;
            }
        }
    }

    public void Dispose()
    {
        Rows.Dispose();
        if (_capacity > 0)
        {
            _buffers.Return(Hashes);
            _buffers.Return(KeyWords);
            _buffers.Return(Offsets);
        }
        Hashes = [];
        KeyWords = [];
        Offsets = [];
        _capacity = 0;
        _memory.Release(_reserved);
        _reserved = 0;
    }

    private void EnsureRoom(int rows)
    {
        if (rows <= _capacity)
            return;
        var size = Math.Min(Capacity, Math.Max(rows, Math.Max(1024, _capacity * 2)));
        var bytes = (size - _capacity) * (12L + (8L * _words));
        _memory.Reserve(bytes);
        _reserved += bytes;
        var used = Count;
        Hashes = Grow(_buffers, Hashes, size, used);
        KeyWords = Grow(_buffers, KeyWords, size * _words, used * _words);
        Offsets = Grow(_buffers, Offsets, size, used);
        _capacity = size;
    }

    /// <summary>Rented (returned on Dispose): a build's chunks are reused by the next query's build, their pages
    /// already faulted in.</summary>
    private static T[] Grow<T>(BufferRecycler buffers, T[] old, int length, int used) where T : unmanaged
    {
        var grown = buffers.Rent<T>(length);
        old.AsSpan(0, used).CopyTo(grown);
        buffers.Return(old);
        return grown;
    }
}
