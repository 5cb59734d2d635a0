using System.Numerics;

namespace Vnd.Executor.Execution;

/// <summary>
/// Large operator buffers (a join build's chunk columns and arrays, its scatter arrays) kept between queries by the
/// engine instance that owns this recycler, so the next query writes into pages already faulted in. On this
/// paravirtualised guest a fresh page fault is dear and its cost varies: a third of a 10M-row join's CPU was the
/// kernel faulting in ~200 MB of build memory that the previous query had just freed (perf, 2026-11-26), and
/// <c>ArrayPool.Shared</c> keeps too few arrays of that size to help. At most <see cref="Cap"/> bytes are kept;
/// an array returned beyond that is dropped for the GC, which gives its pages back to the OS.
/// Lengths are rounded up to one of eight sizes per power of two (at most 1/8 wasted), so buffers of similar
/// queries meet. Contents of a rented array are undefined: a consumer that needs zeros clears what it uses.
/// Memory is not charged here: a consumer reserves its bytes from the query's <see cref="MemoryBudget"/> before
/// renting, as it did before, so the per-query limit (53200) sees recycled and fresh memory alike.
/// Thread-safe: the workers of concurrent queries rent and return at once; one array is never lent twice.
/// Native blocks (<see cref="HugePageMemory"/>, a join's slot table) are kept the same way, under the same cap,
/// sized in 2 MiB pages rounded as array lengths are.
/// </summary>
public sealed class BufferRecycler
{
    /// <summary>Below this many bytes a native block is allocated and freed as usual: small blocks fault little.</summary>
    public const int MinimumBytes = 64 << 10;

    /// <summary>Below this many bytes an array is allocated and dropped as usual. Arrays are kept from a few KiB on,
    /// not only large ones: a join build's chunks grow from 1,024 rows by doubling, and the arrays of the small
    /// steps (hashes, key words, offsets, columns below 64 KiB) were ~1 MB of garbage per query for a 200 K-row
    /// build (RTT one host pair at 10M rows), which put a gen-0 collection into every second run.</summary>
    public const int MinimumArrayBytes = 4 << 10;

    private readonly object _lock = new();
    private readonly Dictionary<(Type Type, int Length), Stack<Array>> _free = [];
    // Kept native blocks by their size in huge pages (a bucket of HugePageSize).
    private readonly Dictionary<long, Stack<HugePageMemory>> _blocks = [];
    private long _held;

    /// <param name="cap">Bytes kept between queries at most; 0 keeps nothing (every rent allocates).</param>
    public BufferRecycler(long cap)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cap);
        Cap = cap;
    }

    public long Cap { get; }

    /// <summary>Bytes held for reuse now (not lent out).</summary>
    public long Held
    {
        get
        {
            lock (_lock)
                return _held;
        }
    }

    /// <summary>Native blocks held for reuse now.</summary>
    internal int BlocksHeld
    {
        get
        {
            lock (_lock)
                return _blocks.Values.Sum(s => s.Count);
        }
    }

    /// <summary>Rents answered with a kept array or block.</summary>
    public long Reused { get; private set; }

    /// <summary>An array of at least <paramref name="length"/> elements, contents undefined.</summary>
    public T[] Rent<T>(int length) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var size = (long)length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (size < MinimumArrayBytes)
            return length == 0 ? [] : GC.AllocateUninitializedArray<T>(length);
        var bucket = Bucket(length);
        lock (_lock)
        {
            if (_free.TryGetValue((typeof(T), bucket), out var stack) && stack.Count > 0)
            {
                var array = (T[])stack.Pop();
                _held -= Bytes(array);
                Reused++;
                return array;
            }
        }
        return GC.AllocateUninitializedArray<T>(bucket);
    }

    /// <summary>Gives back an array from <see cref="Rent{T}"/> (the caller no longer touches it); kept while the
    /// cap allows, else left to the GC. Arrays of other lengths are left to the GC.</summary>
    public void Return<T>(T[] array) where T : unmanaged
    {
        var bytes = Bytes(array);
        if (bytes < MinimumArrayBytes || Bucket(array.Length) != array.Length)
            return;
        lock (_lock)
        {
            if (_held + bytes > Cap)
                return;
            if (!_free.TryGetValue((typeof(T), array.Length), out var stack))
                _free[(typeof(T), array.Length)] = stack = new Stack<Array>();
            stack.Push(array);
            _held += bytes;
        }
    }

    /// <summary>
    /// A native block of at least <paramref name="bytes"/> bytes for a table read at random (huge pages when
    /// large, see <see cref="HugePageMemory"/>): a kept block when one of this size is held, its contents then
    /// undefined (<see cref="HugePageMemory.Zeroed"/> false), else a fresh zeroed one.
    /// </summary>
    internal HugePageMemory RentBlock(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        var size = BlockSize(bytes);
        if (size < MinimumBytes)
            return new HugePageMemory(bytes);
        lock (_lock)
        {
            if (_blocks.TryGetValue(size, out var stack) && stack.Count > 0)
            {
                var block = stack.Pop();
                _held -= block.Bytes;
                Reused++;
                return block;
            }
        }
        return new HugePageMemory(size);
    }

    /// <summary>Gives back a block from <see cref="RentBlock"/> (the caller no longer touches it): kept while the
    /// cap allows, else freed now.</summary>
    internal void Return(HugePageMemory block)
    {
        if (block.Bytes >= MinimumBytes && BlockSize(block.Bytes) == block.Bytes)
        {
            lock (_lock)
            {
                if (_held + block.Bytes <= Cap)
                {
                    if (!_blocks.TryGetValue(block.Bytes, out var stack))
                        _blocks[block.Bytes] = stack = new Stack<HugePageMemory>();
                    block.Zeroed = false;
                    stack.Push(block);
                    _held += block.Bytes;
                    return;
                }
            }
        }
        block.Dispose();
    }

    /// <summary>Drops every kept array and frees every kept block (the engine idles, or shuts down).</summary>
    public void Clear()
    {
        List<HugePageMemory> blocks;
        lock (_lock)
        {
            _free.Clear();
            blocks = [.. _blocks.Values.SelectMany(s => s)];
            _blocks.Clear();
            _held = 0;
        }
        foreach (var block in blocks)
            block.Dispose();
    }

    /// <summary>The size a block of <paramref name="bytes"/> gets: whole huge pages, their count rounded as
    /// <see cref="Bucket"/> rounds lengths; blocks below one huge page are not kept.</summary>
    private static long BlockSize(long bytes)
    {
        if (bytes < HugePageMemory.HugePage)
            return bytes;
        var pages = (bytes + HugePageMemory.HugePage - 1) / HugePageMemory.HugePage;
        return pages > int.MaxValue ? bytes : Bucket((int)pages) * HugePageMemory.HugePage;
    }

    /// <summary>The length a rent of <paramref name="length"/> gets: rounded up to a multiple of an eighth of the
    /// power of two below it.</summary>
    public static int Bucket(int length)
    {
        if (length <= 8)
            return length;
        var step = 1 << (BitOperations.Log2((uint)length) - 3);
        var rounded = ((long)length + step - 1) / step * step;
        return rounded > Array.MaxLength ? length : (int)rounded;
    }

    private static long Bytes<T>(T[] array) where T : unmanaged =>
        (long)array.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
}
