using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace Vnd.Executor.Storage;

/// <summary>
/// A sealed segment file mapped read-only into memory, exposed as <see cref="Memory{T}"/> so Arrow's
/// reader can build arrays directly over the page cache instead of copying every buffer. Segments are
/// immutable once sealed, so the mapping never changes under a reader, and one mapping may serve many readers
/// (<see cref="SegmentMappings"/>): it counts references and is unmapped when the last is released.
/// </summary>
internal sealed unsafe class MappedSegmentMemory : MemoryManager<byte>
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;
    private readonly int _length;
    private int _references = 1;
    private bool _disposed;
    private SegmentRecordBatches? _batches;

    private static ReadOnlySpan<byte> Magic => "ARROW1"u8;

    private MappedSegmentMemory(string path, long length)
    {
        // Memory<byte> is int-indexed; a larger segment is read streamed instead (see SegmentReader).
        if (length is <= 0 or > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(length), length, "segment too large to map as one Memory<byte>");
        _length = (int)length;
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        try
        {
            _view = _file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            _start = pointer + _view.PointerOffset;
        }
        catch
        {
            _view?.Dispose();
            _file.Dispose();
            throw;
        }
    }

    /// <summary>Maps the segment file and checks it is an Arrow IPC file; the caller holds its one reference.</summary>
    public static MappedSegmentMemory Open(string path, long length)
    {
        var mapped = new MappedSegmentMemory(path, length);
        var bytes = mapped.GetSpan();
        if (!bytes.StartsWith(Magic) || !bytes.EndsWith(Magic))
        {
            mapped.Release();
            throw new StorageException(StorageErrorKind.Corrupt, $"segment {path} is not an Arrow IPC file");
        }
        return mapped;
    }

    /// <summary>
    /// The segment's record batches, decoded once for every reader of this mapping. The IPC file is "ARROW1" +
    /// padding, the stream format (ending in an end-of-stream marker), the footer and "ARROW1"; the stream part
    /// alone is what Arrow's in-memory reader consumes.
    /// </summary>
    public SegmentRecordBatches Batches
    {
        get
        {
            var batches = Volatile.Read(ref _batches);
            if (batches is not null)
                return batches;
            Interlocked.CompareExchange(ref _batches, new SegmentRecordBatches(Memory[8..]), null);
            return _batches;
        }
    }

    /// <summary>Another reference, unless the mapping is already being unmapped (the caller then maps anew).</summary>
    public bool TryAddReference()
    {
        while (true)
        {
            var current = Volatile.Read(ref _references);
            if (current == 0)
                return false;
            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current)
                return true;
        }
    }

    /// <summary>Drops one reference; the last one unmaps the file.</summary>
    public void Release()
    {
        var left = Interlocked.Decrement(ref _references);
        if (left == 0)
            ((IDisposable)this).Dispose();
        else if (left < 0)
            throw new InvalidOperationException("mapping released more often than referenced");
    }

    public override Span<byte> GetSpan()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new Span<byte>(_start, _length);
    }

    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new MemoryHandle(_start + elementIndex, default, this);
    }

    public override void Unpin()
    {
        // Mapped memory does not move.
    }

    protected override void Dispose(bool disposing)
    {
        if (_disposed)
            return;
        _disposed = true;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
