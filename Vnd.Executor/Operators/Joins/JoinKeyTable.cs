using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Vnd.Executor.Execution;

namespace Vnd.Executor.Operators.Joins;

/// <summary>
/// The build side of a hash join on keys packed into 1–4 words (<see cref="JoinKeyEncoder"/>): one flat
/// open-addressing table whose slots hold the newest build row of a key, so a probe costs one cache line — no
/// entry number to turn into a row through a second array. Each slot is <c>(low 32 hash bits) &lt;&lt; 32 | row + 1</c>
/// (0 = free); a one-word key follows it in the slot, a wider key is compared against the build rows' key words
/// where they were materialised (their <see cref="BuildChunk"/>) (read only when the 32-bit tag matches, nearly always a match): inline, a 3-word key
/// would make the table four times the size, and zeroing it cost more than the probe saved. The table is cut into
/// regions by the top bits of the hash, one per radix partition of the build rows, so each region is filled from
/// rows copied into partition order while it sits in the cache, by one worker, with no locks; a probe computes
/// the region and position from the hash alone. Rows with equal keys are chained through the join's Next array.
/// </summary>
internal sealed unsafe class JoinKeyTable : IDisposable
{
    private readonly MemoryBudget _memory;
    private readonly BufferRecycler _buffers;
    private readonly int _words;
    private readonly int _stride;
    private readonly int _bits;
    private readonly int _regionSlots;
    // Chunk i's key words (wide keys are compared in place; see BuildChunk for row ids).
    private readonly ulong[][] _keys;
    // From the engine's recycler: a 10M-row build's ~330 MB were mapped and faulted in afresh by every query.
    private readonly HugePageMemory _slotMemory;
    // The slots (_slotMemory's; 0 is a free slot, each region cleared before it is filled unless the memory is
    // fresh); a pointer so the probe loop has no bounds checks.
    private ulong* _slots;
    private long _reserved;

    private JoinKeyTable(MemoryBudget memory, BufferRecycler buffers, ulong[][] keys, int words, int bits, int regionSlots)
    {
        _memory = memory;
        _buffers = buffers;
        _keys = keys;
        _words = words;
        _stride = words == 1 ? 2 : 1;
        _bits = bits;
        _regionSlots = regionSlots;
        var length = ((long)regionSlots << bits) * _stride;
        if (length > Array.MaxLength)
            ExecutionErrors.Unsupported("a hash join build side this large");
        _reserved = length * 8;
        memory.Reserve(_reserved);
        try
        {
            _slotMemory = buffers.RentBlock(length * 8);
        }
        catch
        {
            memory.Release(_reserved);
            throw;
        }
        _slots = _slotMemory.Pointer;
    }

    /// <summary>
    /// Indexes the keyed rows of <paramref name="store"/> (the table keeps its chunks' key words to compare wide
    /// keys); rows with equal keys are chained newest first through <paramref name="next"/> (indexed by row id),
    /// which must hold -1 for every row on entry (only repeated keys are written).
    /// </summary>
    public static JoinKeyTable Build(QueryContext context, int workers, BuildChunkStore store, int words, int[] next)
    {
        var scatter = PartitionScatter.Count(context, workers, store, PartitionBits(store.Count));
        var keyed = scatter.Keyed;
        // Each region holds its partition at a load of at most one half. Keys repeated many times crowd one
        // partition; rather than give every region that partition's room, such a build gets one region.
        var regionSlots = Math.Max(16, 2 * scatter.Largest);
        if ((long)regionSlots * scatter.Partitions > 4L * Math.Max(16, 2 * keyed))
        {
            scatter.Collapse();
            regionSlots = Math.Max(16, 2 * keyed);
        }
        var keys = new ulong[store.Chunks.Length][];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = store.Chunks[i].KeyWords;
        var table = new JoinKeyTable(context.Memory, context.Buffers, keys, words, scatter.Bits, regionSlots);
        try
        {
            table.Fill(context, workers, scatter, next);
        }
        catch
        {
            table.Dispose();
            throw;
        }
        return table;
    }

    /// <summary>
    /// Writes the newest build row matching each probe key to <paramref name="heads"/> (-1 for none, and for rows
    /// flagged in <paramref name="isNull"/>). Key k is <c>keys[k * words .. (k + 1) * words)</c>. The slots of the
    /// whole batch are prefetched first so their cache misses overlap.
    /// </summary>
    public void Find(ReadOnlySpan<ulong> hashes, ReadOnlySpan<ulong> keys, ReadOnlySpan<bool> isNull, Span<int> heads)
    {
        for (var k = 0; k < hashes.Length; k++)
            Prefetch(hashes[k]);
        if (_words == 1)
        {
            for (var k = 0; k < hashes.Length; k++)
                heads[k] = isNull[k] ? -1 : FindWord(hashes[k], keys[k]);
            return;
        }
        // A wide key is compared in its build row's chunk, a second cache miss per match: once the slots have
        // arrived, start loading the key words of every home slot whose tag matches, so those misses overlap too.
        for (var k = 0; k < hashes.Length; k++)
            PrefetchKey(hashes[k]);
        for (var k = 0; k < hashes.Length; k++)
            heads[k] = isNull[k] ? -1 : FindWords(hashes[k], keys.Slice(k * _words, _words));
    }

    public void Dispose()
    {
        _memory.Release(_reserved);
        _reserved = 0;
        if (_slots is not null)
            _buffers.Return(_slotMemory);
        _slots = null;
    }

    /// <summary>Enough partitions that each holds about 4K rows (its region then fits in L2), at most 2048 so the
    /// one scatter pass writes to few enough places at once.</summary>
    internal static int PartitionBits(int count)
    {
        var bits = 0;
        while (bits < 11 && (count >> (bits + 12)) > 0)
            bits++;
        return bits;
    }

    /// <summary>The first slot of a hash: its region, then a position within the region from hash bits 21–52
    /// (a multiply-shift maps them onto any region size; the tag uses bits 0–31, the region the top bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(ulong hash, out int regionStart)
    {
        regionStart = PartitionScatter.Partition(hash, _bits) * _regionSlots;
        return regionStart + (int)(((hash >> 21) & 0xFFFFFFFFUL) * (ulong)_regionSlots >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int After(int slot, int regionStart) => slot + 1 == regionStart + _regionSlots ? regionStart : slot + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Prefetch(ulong hash)
    {
        if (Sse.IsSupported)
            Sse.Prefetch0(_slots + ((long)Home(hash, out _) * _stride));
    }

    /// <summary>Starts loading the key words of the row in a wide key's home slot when its tag matches (most
    /// probes that match at all match there; a prefetch of a stale or distant line is harmless).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PrefetchKey(ulong hash)
    {
        if (!Sse.IsSupported)
            return;
        var slot = _slots[(long)Home(hash, out _) * _stride];
        if (slot == 0 || (slot & 0xFFFFFFFF00000000UL) != hash << 32)
            return;
        var row = (int)(uint)slot - 1;
        ref var word = ref MemoryMarshal.GetArrayDataReference(_keys[row >> BuildChunk.Bits]);
        Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref word, (row & (BuildChunk.Capacity - 1)) * _words)));
    }

    private int FindWord(ulong hash, ulong key) => (int)(uint)_slots[LocateWord(hash, key)] - 1;

    /// <summary><see cref="Locate"/> for one-word keys, kept in the slot.</summary>
    private int LocateWord(ulong hash, ulong key)
    {
        var slots = _slots;
        var tag = hash << 32;
        for (var i = Home(hash, out var start); ; i = After(i, start))
        {
            var slot = slots[2 * i];
            if (slot == 0 || ((slot & 0xFFFFFFFF00000000UL) == tag && slots[(2 * i) + 1] == key))
                return 2 * i;
        }
    }

    private int FindWords(ulong hash, ReadOnlySpan<ulong> key) => (int)(uint)_slots[Locate(hash, key)] - 1;

    /// <summary>Where the key's slot is: the slot holding it, or the free slot that ends its probe sequence.</summary>
    private int Locate(ulong hash, ReadOnlySpan<ulong> key)
    {
        var slots = _slots;
        var tag = hash << 32;
        for (var i = Home(hash, out var start); ; i = After(i, start))
        {
            var at = i * _stride;
            var slot = slots[at];
            if (slot == 0 || ((slot & 0xFFFFFFFF00000000UL) == tag && key.SequenceEqual(KeyOf(slot))))
                return at;
        }
    }

    /// <summary>The key words of the row a wide key's slot holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<ulong> KeyOf(ulong slot) => RowKey((int)(uint)slot - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<ulong> RowKey(int row) => _keys[row >> BuildChunk.Bits].AsSpan((row & (BuildChunk.Capacity - 1)) * _words, _words);

    /// <summary>Copies the keyed rows into partition order (row, hash, one-word key; see <see cref="PartitionScatter"/>),
    /// then clears and fills each region from its partition, the workers taking regions in turn.</summary>
    private void Fill(QueryContext context, int workers, PartitionScatter scatter, int[] next)
    {
        var partitions = scatter.Partitions;
        var starts = scatter.Starts;
        var keyed = scatter.Keyed;
        var inline = _words == 1;
        // A recycled table holds the last query's slots: each region is cleared by the worker that fills it, just
        // before, while it is in that worker's cache (zeroing it all up front would write it to memory twice).
        var clear = !_slotMemory.Zeroed;
        var regionWords = (long)_regionSlots * _stride;
        var scratch = keyed * (inline ? 20L : 12L);
        _memory.Reserve(scratch);
        // The engine's recycler: these ~100 MB for a 10M-row build were faulted in afresh by every query.
        var buffers = context.Buffers;
        var order = buffers.Rent<int>(Math.Max(1, keyed));
        var orderedHashes = buffers.Rent<ulong>(Math.Max(1, keyed));
        var orderedKeys = inline ? buffers.Rent<ulong>(Math.Max(1, keyed)) : [];
        try
        {
            scatter.Scatter(context, order, orderedHashes, orderedKeys);
            var threads = ParallelDrain.Split(workers, keyed, partitions);
            ParallelDrain.For(context, threads, w =>
            {
                for (var p = w; p < partitions; p += threads)
                {
                    context.CheckCancelled();
                    if (clear)
                        new Span<ulong>(_slots + (p * regionWords), (int)regionWords).Clear();
                    for (var i = starts[p]; i < starts[p + 1]; i++)
                    {
                        var row = order[i];
                        Insert(row, orderedHashes[i], inline ? orderedKeys.AsSpan(i, 1) : RowKey(row), next);
                    }
                }
            });
        }
        finally
        {
            buffers.Return(order);
            buffers.Return(orderedHashes);
            buffers.Return(orderedKeys);
            _memory.Release(scratch);
        }
    }

    /// <summary>Makes <paramref name="row"/> its key's newest row, chaining the previous one behind it.</summary>
    private void Insert(int row, ulong hash, ReadOnlySpan<ulong> key, int[] next)
    {
        var at = _words == 1 ? LocateWord(hash, key[0]) : Locate(hash, key);
        var slot = _slots[at];
        if (slot == 0 && _words == 1)
            _slots[at + 1] = key[0];
        else if (slot != 0)
            next[row] = (int)(uint)slot - 1;
        _slots[at] = (hash << 32) | (uint)(row + 1);
    }
}
