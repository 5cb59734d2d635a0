using System.Runtime.CompilerServices;

namespace Vnd.Executor.Storage;

/// <summary>
/// The large buffers of imports — a table writer's disk chunks and column builder arrays, a capture source's
/// read-ahead chunks — kept from one import for the next. A fresh buffer costs a page fault per 4 KiB the first time
/// it is written (a costly exit under a hypervisor) and, at ~50 MB per import, background GCs; a table server imports
/// file after file, so it hands the buffers of one import to the next instead ("reuse them", ingest issue 2).
/// </summary>
/// <remarks>
/// Owned by whoever runs the imports (the bench run, the diagnosis manager) and passed in through
/// <see cref="TraceTableWriterOptions.Buffers"/> and the capture reader's options; never shared through static state.
/// A buffer is rented by a writer or source when it is created and returned when it is disposed, after its threads
/// have stopped. Buffers are matched by exact length (their users size their work by it), and hold whatever their
/// last user left: a renter must not rely on their contents. Bounded by <see cref="MaxRetainedBytes"/>: a buffer
/// returned beyond it is dropped for the GC. Thread-safe: several imports may rent and return at once.
/// </remarks>
public sealed class ImportBufferPool
{
    /// <summary>
    /// About two imports' worth: one 10M-packet import of the bench's trace table rents ~49 MB (33 MB of disk chunks,
    /// 5.6 MB of read-ahead chunks, the rest column arrays).
    /// </summary>
    public const long DefaultRetainedBytes = 128L << 20;

    private readonly object _gate = new();
    private readonly Dictionary<Key, Stack<object>> _free = [];
    private long _retainedBytes;

    public ImportBufferPool(long maxRetainedBytes = DefaultRetainedBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetainedBytes);
        MaxRetainedBytes = maxRetainedBytes;
    }

    /// <summary>The most bytes of buffers kept between uses.</summary>
    public long MaxRetainedBytes { get; }

    /// <summary>Bytes of buffers kept now.</summary>
    public long RetainedBytes
    {
        get
        {
            lock (_gate)
                return _retainedBytes;
        }
    }

    /// <summary>A kept array of exactly <paramref name="length"/> elements (old contents), or null: allocate one.</summary>
    public T[]? TryRent<T>(int length)
        where T : unmanaged =>
        (T[]?)Take(new Key(typeof(T[]), length, Pinned: false), Bytes<T>(length));

    /// <summary>Keeps <paramref name="array"/> (an ordinary, unpinned one) for a later <see cref="TryRent{T}"/>.</summary>
    public void Return<T>(T[] array)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        Put(new Key(typeof(T[]), array.Length, Pinned: false), array, Bytes<T>(array.Length));
    }

    /// <summary>
    /// A kept array of exactly <paramref name="length"/> bytes allocated pinned (on the pinned object heap), or null.
    /// Its address never changes, so it may be used through pointers.
    /// </summary>
    public byte[]? TryRentPinned(int length) =>
        (byte[]?)Take(new Key(typeof(byte[]), length, Pinned: true), length);

    /// <summary>Keeps an array allocated pinned (<c>GC.AllocateArray(…, pinned: true)</c>) for <see cref="TryRentPinned"/>.</summary>
    public void ReturnPinned(byte[] array)
    {
        ArgumentNullException.ThrowIfNull(array);
        Put(new Key(typeof(byte[]), array.Length, Pinned: true), array, array.Length);
    }

    /// <summary>A kept disk chunk of <paramref name="length"/> bytes, its pages already mapped if it was used, or null.</summary>
    internal DiskChunk? TryRentChunk(int length) =>
        (DiskChunk?)Take(new Key(typeof(DiskChunk), length, Pinned: true), DiskChunk.AllocatedBytes(length));

    /// <summary>Keeps a disk chunk no disk thread can still be writing from.</summary>
    internal void Return(DiskChunk chunk) =>
        Put(new Key(typeof(DiskChunk), chunk.Length, Pinned: true), chunk, DiskChunk.AllocatedBytes(chunk.Length));

    private static long Bytes<T>(int length)
        where T : unmanaged => (long)length * Unsafe.SizeOf<T>();

    private object? Take(Key key, long bytes)
    {
        lock (_gate)
        {
            if (!_free.TryGetValue(key, out var kept) || kept.Count == 0)
                return null;
            _retainedBytes -= bytes;
            return kept.Pop();
        }
    }

    private void Put(Key key, object buffer, long bytes)
    {
        lock (_gate)
        {
            if (!_free.TryGetValue(key, out var kept))
                _free[key] = kept = new Stack<object>();
            // A buffer returned twice would later be handed to two users at once, each overwriting the other's data:
            // a bug worth failing loudly for. The stacks are short (tens of buffers), so the check is cheap.
            foreach (var other in kept)
            {
                if (ReferenceEquals(other, buffer))
                    throw new InvalidOperationException("a buffer was returned to the import buffer pool twice");
            }
            if (_retainedBytes + bytes > MaxRetainedBytes)
                return;
            kept.Push(buffer);
            _retainedBytes += bytes;
        }
    }

    /// <summary>What a buffer is interchangeable with: its class, length and whether its address is fixed.</summary>
    private readonly record struct Key(Type Kind, int Length, bool Pinned);
}
