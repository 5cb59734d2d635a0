using Microsoft.Win32.SafeHandles;

namespace Vnd.Executor.Storage;

/// <summary>
/// The write-only stream an Arrow IPC file is serialised into: bytes are gathered into the disk queue's chunks,
/// and each full chunk is handed to the queue's thread as one positioned write. <see cref="Flush()"/> does not wait
/// for the disk: the bytes reach the file when a chunk fills and at <see cref="Complete"/>, and they are durable
/// once the queue has sealed the file. For a file opened with O_DIRECT (<paramref name="direct"/>) every write is a
/// whole aligned chunk, except the last, which is padded with zeros to the alignment (the seal cuts the file to its
/// length).
/// </summary>
internal sealed class SegmentOutputStream(SafeFileHandle file, SegmentDiskQueue disk, bool direct) : Stream
{
    private DiskChunk? _chunk;
    private int _used;
    private long _chunkOffset;

    public override bool CanRead => false;

    /// <summary>
    /// Arrow's file writer insists on a seekable stream (it reads <see cref="Position"/> for the footer's block
    /// offsets); it never moves backwards, so only a "seek" to the current end is supported.
    /// </summary>
    public override bool CanSeek => true;

    public override bool CanWrite => true;

    /// <summary>Bytes written so far.</summary>
    public override long Length => _chunkOffset + _used;

    public override long Position
    {
        get => Length;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            _chunk ??= disk.RentChunk();
            var take = Math.Min(buffer.Length, _chunk.Length - _used);
            buffer[..take].CopyTo(_chunk.Bytes[_used..]);
            _used += take;
            buffer = buffer[take..];
            if (_used == _chunk.Length)
                Send();
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Hands the last partial chunk to the queue: everything written is then queued for the file.</summary>
    public void Complete()
    {
        if (_used == 0)
            return;
        var length = _used;
        if (direct)
        {
            var padded = (_used + LibC.DirectWriteAlignment - 1) / LibC.DirectWriteAlignment * LibC.DirectWriteAlignment;
            _chunk!.Bytes[_used..padded].Clear();
            length = padded;
        }
        disk.Write(file, _chunkOffset, _chunk!, length);
        _chunkOffset += _used;
        _chunk = null;
        _used = 0;
    }

    /// <summary>Nothing to do: chunks go to the disk thread when full, the rest at <see cref="Complete"/>.</summary>
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin == SeekOrigin.Begin ? offset : Length + offset;
        return target == Length ? target : throw new NotSupportedException("a segment is written front to back");
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Send()
    {
        disk.Write(file, _chunkOffset, _chunk!, _used);
        _chunkOffset += _used;
        _chunk = null;
        _used = 0;
    }
}
