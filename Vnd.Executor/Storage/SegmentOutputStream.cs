using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Vnd.Executor.Storage;

/// <summary>
/// The write-only stream an Arrow IPC file is serialised into: bytes are gathered into the disk queue's chunks,
/// and each full chunk is handed to the queue's thread as one positioned write. <see cref="Flush()"/> does not wait
/// for the disk: the bytes reach the file when a chunk fills, at <see cref="EndBatch"/> and at <see cref="Complete"/>,
/// and they are durable once the queue has sealed the file. For a file opened with O_DIRECT (<paramref name="direct"/>)
/// every write is a whole aligned chunk, except the last, which is padded with zeros to the alignment (the seal cuts
/// the file to its length).
/// <para>
/// Otherwise the column buffers of a record batch need not be copied at all: a buffer the segment writer
/// <see cref="Lend"/>s the stream is not copied into the chunk when Arrow writes it but referenced, and the chunk goes
/// to the disk thread with a gather list — its own bytes (metadata, padding, small buffers) between the lent buffers,
/// in file order — written by one <c>pwritev</c>. The bytes of the file are the same; the importing thread no longer
/// copies every column (the kernel copies them into the page cache either way). The lender must leave a lent buffer
/// alone until the queue has done the write <see cref="EndBatch"/> names.
/// </para>
/// </summary>
internal sealed class SegmentOutputStream(SafeFileHandle file, SegmentDiskQueue disk, bool direct) : Stream
{
    /// <summary>
    /// Lent bytes below this are copied anyway: a copy of a few KiB costs less than pinning one more piece, and a
    /// short tail batch then stays in one piece.
    /// </summary>
    internal const int MinLentBytes = 4096;

    /// <summary>Bytes one gathered write stops growing at (a write's length is an int).</summary>
    private const long MaxGatheredBytes = 1 << 30;

    private DiskChunk? _chunk;
    /// <summary>Bytes copied into <see cref="_chunk"/>.</summary>
    private int _used;
    /// <summary>Where the chunk's bytes not yet in its gather list start.</summary>
    private int _pieceStart;
    /// <summary>Lent bytes in the chunk's gather list.</summary>
    private long _lentBytes;
    /// <summary>The file offset of the bytes not yet handed to the queue.</summary>
    private long _chunkOffset;
    /// <summary>Buffers lent for the batch being written (<see cref="Lend"/>); reused, cleared at <see cref="EndBatch"/>.</summary>
    private ReadOnlyMemory<byte>[] _lent = new ReadOnlyMemory<byte>[16];
    private int _lentCount;
    /// <summary>Where the next search of <see cref="_lent"/> starts: Arrow writes the buffers in the order they were lent.</summary>
    private int _lentCursor;
    /// <summary>The last queued write with a lent buffer among its pieces (0: none yet).</summary>
    private long _lastLentWrite;

    public override bool CanRead => false;

    /// <summary>
    /// Arrow's file writer insists on a seekable stream (it reads <see cref="Position"/> for the footer's block
    /// offsets); it never moves backwards, so only a "seek" to the current end is supported.
    /// </summary>
    public override bool CanSeek => true;

    public override bool CanWrite => true;

    /// <summary>Bytes written so far.</summary>
    public override long Length => _chunkOffset + _used + _lentBytes;

    public override long Position
    {
        get => Length;
        set => Seek(value, SeekOrigin.Begin);
    }

    /// <summary>
    /// Lends the stream <paramref name="buffer"/> for the batch about to be written: when Arrow writes it (or a part
    /// of it) it is referenced instead of copied. Ignored for an O_DIRECT file, whose writes must be whole aligned
    /// chunks, and for small buffers.
    /// </summary>
    public void Lend(ReadOnlyMemory<byte> buffer)
    {
        if (direct || buffer.Length < MinLentBytes)
            return;
        if (_lentCount == _lent.Length)
            Array.Resize(ref _lent, _lent.Length * 2);
        _lent[_lentCount++] = buffer;
    }

    /// <summary>
    /// Ends a record batch: the lent buffers are forgotten, and the writes referencing them are queued. Returns the
    /// number of the last queued write that references a lent buffer (<see cref="SegmentDiskQueue.IsWritten"/>
    /// before filling one again; 0 when nothing was ever lent).
    /// </summary>
    public long EndBatch()
    {
        Array.Clear(_lent, 0, _lentCount);
        _lentCount = 0;
        _lentCursor = 0;
        if (_lentBytes > 0)
            Send();
        return _lastLentWrite;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_lentCount > 0 && buffer.Length >= MinLentBytes && TryFindLent(buffer, out var lent))
        {
            AddLent(lent);
            return;
        }
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
        if (_used == 0 && _lentBytes == 0)
            return;
        if (direct)
        {
            var padded = (_used + LibC.DirectWriteAlignment - 1) / LibC.DirectWriteAlignment * LibC.DirectWriteAlignment;
            _chunk!.Bytes[_used..padded].Clear();
            disk.Write(file, _chunkOffset, _chunk!, padded);
            _chunkOffset += _used;
            _chunk = null;
            _used = 0;
            return;
        }
        Send();
    }

    /// <summary>Nothing to do: chunks go to the disk thread when full, the rest at <see cref="EndBatch"/> and <see cref="Complete"/>.</summary>
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

    /// <summary>The part of a lent buffer that <paramref name="span"/> is, if it is one (compared by address).</summary>
    private bool TryFindLent(ReadOnlySpan<byte> span, out ReadOnlyMemory<byte> piece)
    {
        ref var start = ref MemoryMarshal.GetReference(span);
        for (var i = 0; i < _lentCount; i++)
        {
            var index = (_lentCursor + i) % _lentCount;
            var lent = _lent[index];
            // Managed references, so the difference holds even if the collector moved the arrays meanwhile.
            var offset = (long)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(lent.Span), ref start);
            if (offset >= 0 && offset + span.Length <= lent.Length)
            {
                piece = lent.Slice((int)offset, span.Length);
                _lentCursor = index + 1;
                return true;
            }
        }
        piece = default;
        return false;
    }

    /// <summary>Appends a lent buffer to the pending write's pieces, after the bytes copied before it.</summary>
    private void AddLent(ReadOnlyMemory<byte> lent)
    {
        if (_chunk is not null && (_chunk.Gather.Count > WriteGather.MaxPieces - 2 || _used + _lentBytes + lent.Length > MaxGatheredBytes))
            Send();
        _chunk ??= disk.RentChunk();
        AddCopiedPiece();
        _chunk.Gather.Add(lent, lent: true);
        _lentBytes += lent.Length;
    }

    /// <summary>The chunk's bytes copied since the last piece, as a piece of the gather list.</summary>
    private void AddCopiedPiece()
    {
        if (_used > _pieceStart)
            _chunk!.Gather.Add(_chunk.Slice(_pieceStart, _used - _pieceStart), lent: false);
        _pieceStart = _used;
    }

    /// <summary>Queues the pending bytes (the chunk's, or its gather list) as one write at their offset.</summary>
    private void Send()
    {
        var chunk = _chunk!;
        var length = _used;
        if (chunk.Gather.Count > 0)
        {
            AddCopiedPiece();
            length = checked((int)chunk.Gather.Length);
        }
        var lent = chunk.Gather.HasLent;
        var write = disk.Write(file, _chunkOffset, chunk, length);
        if (lent)
            _lastLentWrite = write;
        _chunkOffset += length;
        _chunk = null;
        _used = 0;
        _pieceStart = 0;
        _lentBytes = 0;
    }
}
