using System.IO.MemoryMappedFiles;

namespace Vnd.Capture.Sources;

/// <summary>
/// A capture file read in place: the window is a read-only mapping of part of the file, so records are framed
/// straight from the page cache instead of being copied into a buffer first. Opt-in
/// (<see cref="CaptureReaderOptions.MemoryMap"/>): the copy it saves is a tenth of an import's time, but on a virtual
/// machine the first touch of every newly mapped page can cost more than that (see the option). The window is remapped, starting at the page of the next unconsumed byte, when a
/// record runs past it, so only one window is mapped at a time and memory stays bounded whatever the file size.
/// </summary>
/// <remarks>
/// Guarded at every remap: the file's length is read again, so a file that grew while being read (a capture still
/// being written) is read to its new end, and one that shrank is mapped only up to its new end; its torn last
/// record ends reading as with the stream reader. What no mapping can guard against is a file cut shorter while a
/// window over the cut part is in use (the kernel then faults the process); <see cref="CaptureReaderOptions.MemoryMap"/>
/// turns mapping off for files that may be truncated under the reader.
/// </remarks>
internal sealed unsafe class MappedInput : CaptureInput
{
    private readonly FileStream _file;
    private readonly int _windowSize;
    private readonly int _pageSize = Environment.SystemPageSize;
    private MemoryMappedFile? _map;
    /// <summary>The file length the mapping was created for: views end within it.</summary>
    private long _mapLength;
    private MemoryMappedViewAccessor? _view;

    /// <param name="file">a regular file, read from its current position, owned (disposed) by this input</param>
    /// <param name="windowSize">bytes mapped at a time; must exceed the largest record by a page</param>
    public MappedInput(FileStream file, int windowSize)
    {
        if (windowSize < 2 * _pageSize)
            throw new ArgumentOutOfRangeException(nameof(windowSize), windowSize, "a window holds at least two pages");
        _file = file;
        _windowSize = windowSize;
        WindowOrigin = file.Position;
    }

    /// <summary>A window starts up to a page before the next unconsumed byte.</summary>
    public override int Capacity => _windowSize - _pageSize;

    private protected override bool Fill(int count)
    {
        if (count > Capacity)
            return false;
        var offset = Offset;
        var length = RandomAccess.GetLength(_file.SafeFileHandle);
        if (WindowOrigin + End >= length && length >= _mapLength)
            return false; // the window already reaches the end of the file, which has not grown
        Unmap();
        if (length != _mapLength)
        {
            // Grown: map the new bytes too. Shrunk: the old mapping reaches past the end, which must not be touched.
            _map?.Dispose();
            _map = null;
            _mapLength = 0;
            if (length > 0)
            {
                // Capacity 0 maps the file as long as it is now (at least `length`: it may have grown since).
                _map = MemoryMappedFile.CreateFromFile(_file, mapName: null, 0, MemoryMappedFileAccess.Read,
                    HandleInheritability.None, leaveOpen: true);
                _mapLength = length;
            }
        }
        var origin = offset - offset % _pageSize;
        var size = (int)Math.Min(_windowSize, Math.Max(0, _mapLength - origin));
        WindowOrigin = origin;
        Position = (int)(offset - origin);
        End = Math.Max(size, Position);
        if (size > Position)
        {
            _view = _map!.CreateViewAccessor(origin, size, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            Window = pointer + _view.PointerOffset;
        }
        return End - Position >= count;
    }

    private void Unmap()
    {
        if (_view is null)
            return;
        // Nothing may be read through the old window from here on.
        Window = null;
        End = Position;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _view = null;
    }

    public override void Dispose()
    {
        Unmap();
        _map?.Dispose();
        _map = null;
        _file.Dispose();
    }
}
