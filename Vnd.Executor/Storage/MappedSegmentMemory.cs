using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace Vnd.Executor.Storage;

/// <summary>
/// A sealed segment file mapped read-only into memory, exposed as <see cref="Memory{T}"/> so Arrow's
/// reader can build arrays directly over the page cache instead of copying every buffer. Segments are
/// immutable once sealed, so the mapping never changes under a reader.
/// </summary>
internal sealed unsafe class MappedSegmentMemory : MemoryManager<byte>
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;
    private readonly int _length;
    private bool _disposed;

    public MappedSegmentMemory(string path, long length)
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
