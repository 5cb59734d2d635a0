using System.Runtime.ExceptionServices;
using Vnd.Executor.Storage;
using Vnd.Executor.Execution;

namespace Vnd.Capture.Sources;

/// <summary>
/// <see cref="ChunkedInput"/> with the reads moved to a thread of their own: while the reader frames the records of
/// one chunk, that thread reads the following ones into a ring of buffers, so the kernel's copy of the file (about a
/// fifth of the importing thread's time for a cached file) is no longer on the importing thread. Each buffer has
/// room before its chunk for the partial record left at the end of the previous one, which is copied there before the
/// chunk is used: at most one record is copied per chunk, and memory stays the ring whatever the file size.
/// </summary>
/// <remarks>
/// The two threads hand buffers over in ring order through two semaphores (free and filled), so no buffer is read
/// into while its bytes can still be handed out: a buffer goes back to the read thread only once the next one is the
/// window, and spans are valid only until the next <see cref="CaptureInput.Ensure"/>. A chunk shorter than a buffer
/// is the last (end of stream, or a read that failed); a failure is thrown to the reader when it needs bytes past
/// those read before it, as <see cref="ChunkedInput"/> throws it from the read.
/// </remarks>
internal sealed unsafe class ReadAheadInput : CaptureInput
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly int _capacity;
    private readonly int _chunkSize;
    /// <summary>Pinned (allocated so): <see cref="_capacity"/> bytes of room for a partial record, then the chunk.</summary>
    private readonly byte[][] _buffers;
    private readonly int[] _lengths;
    private readonly SemaphoreSlim _free;
    private readonly SemaphoreSlim _filled = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly ImportBufferPool? _pool;
    /// <summary>Set by the read thread before it hands over its last chunk.</summary>
    private Exception? _failure;
    /// <summary>The buffer that holds the window, or -1 before the first chunk.</summary>
    private int _current = -1;
    private bool _ended;
    private bool _disposed;

    /// <param name="capacity">the most bytes a reader ensures at once (its largest block)</param>
    /// <param name="chunkSize">bytes read per chunk</param>
    /// <param name="chunks">buffers in the ring (at least two): how far the read thread may run ahead</param>
    /// <param name="buffers">where the ring's buffers come from and go back to once the read thread has stopped; null:
    /// allocated for this source alone</param>
    /// <param name="threadCpus">the CPUs the read thread runs on; null leaves it to the scheduler</param>
    public ReadAheadInput(Stream stream, int capacity, int chunkSize, int chunks, bool leaveOpen, ImportBufferPool? buffers = null,
        CpuSet? threadCpus = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunks, 2);
        _buffers = new byte[chunks][];
        _lengths = new int[chunks];
        _free = new SemaphoreSlim(chunks);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _capacity = capacity;
        _chunkSize = chunkSize;
        _pool = buffers;
        // Pinned, pooled or not: the window is a pointer into them. A pooled one's old bytes are never read: the read
        // thread fills a chunk before handing it over, and the partial record is copied in before the chunk is used.
        for (var i = 0; i < _buffers.Length; i++)
            _buffers[i] = buffers?.TryRentPinned(capacity + chunkSize) ?? GC.AllocateUninitializedArray<byte>(capacity + chunkSize, pinned: true);
        _thread = PlacedThread.Start("vnd-capture-read", threadCpus, ReadChunks);
    }

    /// <summary>A partial record (less than one <see cref="Capacity"/>) always fits in the room before a chunk.</summary>
    public override int Capacity => _capacity;

    private protected override bool Fill(int count)
    {
        if (count > _capacity)
            return false;
        while (End - Position < count)
        {
            if (_ended)
            {
                if (_failure is not null)
                    ExceptionDispatchInfo.Throw(_failure);
                return false;
            }
            _filled.Wait();
            var next = _current < 0 ? 0 : (_current + 1) % _buffers.Length;
            var length = _lengths[next];
            _ended = length < _chunkSize;
            var pending = End - Position;
            var buffer = _buffers[next];
            // The partial record goes just before the chunk, so record and chunk are one run of bytes.
            fixed (byte* target = &buffer[_capacity - pending])
                Buffer.MemoryCopy(Window + Position, target, pending, pending);
            if (_current >= 0)
                _free.Release();
            _current = next;
            WindowOrigin += Position;
            Window = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref buffer[_capacity - pending]);
            Position = 0;
            End = pending + length;
        }
        return true;
    }

    /// <summary>The read thread: fills free buffers in turn, each to the full chunk unless the stream ends or fails.</summary>
    private void ReadChunks()
    {
        try
        {
            for (var next = 0; ; next = (next + 1) % _buffers.Length)
            {
                _free.Wait(_stop.Token);
                var buffer = _buffers[next];
                var length = 0;
                try
                {
                    while (length < _chunkSize)
                    {
                        var read = _stream.Read(buffer, _capacity + length, _chunkSize - length);
                        if (read == 0)
                            break;
                        length += read;
                    }
                }
                catch (Exception failure)
                {
                    // The chunk is short, so it is the last: the reader throws this when it needs more.
                    _failure = failure;
                }
                _lengths[next] = length;
                _filled.Release();
                if (length < _chunkSize)
                    return;
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed while waiting for a free buffer.
        }
    }

    public override void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        // The window no longer points anywhere: Available is 0, so no Peek can reach the buffers.
        Position = End = 0;
        _stop.Cancel();
        _thread.Join();
        // The read thread has ended and the window is gone: nothing reads or fills the buffers any more.
        if (_pool is not null)
        {
            foreach (var buffer in _buffers)
                _pool.ReturnPinned(buffer);
        }
        if (!_leaveOpen)
            _stream.Dispose();
        _stop.Dispose();
        _free.Dispose();
        _filled.Dispose();
    }
}
