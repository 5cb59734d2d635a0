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
/// </summary>
public sealed class BufferRecycler
{
    /// <summary>Below this many bytes an array is allocated and dropped as usual: small arrays fault little.</summary>
    public const int MinimumBytes = 64 << 10;

    private readonly object _lock = new();
    private readonly Dictionary<(Type Type, int Length), Stack<Array>> _free = [];
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

    /// <summary>Rents answered with a kept array.</summary>
    public long Reused { get; private set; }

    /// <summary>An array of at least <paramref name="length"/> elements, contents undefined.</summary>
    public T[] Rent<T>(int length) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var size = (long)length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (size < MinimumBytes)
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
        if (bytes < MinimumBytes || Bucket(array.Length) != array.Length)
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

    /// <summary>Drops every kept array (the engine idles, or shuts down).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _free.Clear();
            _held = 0;
        }
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
