using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Vnd.Executor.Storage;

/// <summary>
/// The pieces of one gathered write, in file order: ranges of its <see cref="DiskChunk"/> (IPC metadata, padding,
/// small buffers) and column buffers a builder lent the segment stream (<see cref="SegmentOutputStream.Lend"/>),
/// written with one vectored call. Reused with its chunk, so a write allocates nothing on either thread.
/// </summary>
internal sealed class WriteGather
{
    /// <summary>Pieces per write: far below every kernel's IOV_MAX (1024), and more than a batch of 100 columns needs.</summary>
    public const int MaxPieces = 256;

    private readonly ReadOnlyMemory<byte>[] _pieces = new ReadOnlyMemory<byte>[MaxPieces];
    private readonly MemoryHandle[] _handles = new MemoryHandle[MaxPieces];
    private readonly LibC.IoVector[] _vectors = new LibC.IoVector[MaxPieces];

    public int Count { get; private set; }

    /// <summary>Bytes in all pieces.</summary>
    public long Length { get; private set; }

    /// <summary>Whether a lent buffer is among the pieces (the write must finish before the builder reuses it).</summary>
    public bool HasLent { get; private set; }

    public bool IsFull => Count == MaxPieces;

    public void Add(ReadOnlyMemory<byte> piece, bool lent)
    {
        if (piece.IsEmpty)
            return;
        _pieces[Count++] = piece;
        Length += piece.Length;
        HasLent |= lent;
    }

    /// <summary>Forgets the pieces, so a written batch's buffers are not kept alive by the chunk pool.</summary>
    public void Clear()
    {
        Array.Clear(_pieces, 0, Count);
        Count = 0;
        Length = 0;
        HasLent = false;
    }

    /// <summary>Writes every piece at <paramref name="offset"/> onwards (one <c>pwritev</c> on Linux).</summary>
    public void WriteTo(SafeFileHandle file, long offset)
    {
        if (!OperatingSystem.IsLinux())
        {
            // Elsewhere one positioned write per piece: the same bytes, only more calls.
            for (var i = 0; i < Count; i++)
            {
                RandomAccess.Write(file, _pieces[i].Span, offset);
                offset += _pieces[i].Length;
            }
            return;
        }
        var pinned = 0;
        try
        {
            for (; pinned < Count; pinned++)
            {
                _handles[pinned] = _pieces[pinned].Pin();
                _vectors[pinned] = new LibC.IoVector(_handles[pinned], _pieces[pinned].Length);
            }
            LibC.WriteGathered(file, _vectors.AsSpan(0, Count), offset);
        }
        finally
        {
            for (var i = 0; i < pinned; i++)
            {
                _handles[i].Dispose();
                _handles[i] = default;
            }
        }
    }
}
