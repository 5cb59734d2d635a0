using System.Runtime.InteropServices;

namespace Vnd.Executor.Storage;

/// <summary>
/// One reusable buffer of segment bytes on their way to the disk thread. Allocated once, pinned, and cut so that it
/// starts on a <see cref="LibC.DirectWriteAlignment"/> boundary, as O_DIRECT writes require.
/// </summary>
internal sealed class DiskChunk
{
    private readonly byte[] _array;
    private readonly int _start;

    public DiskChunk(int length)
    {
        _array = GC.AllocateUninitializedArray<byte>(length + LibC.DirectWriteAlignment, pinned: true);
        var address = (long)Marshal.UnsafeAddrOfPinnedArrayElement(_array, 0);
        _start = (int)((LibC.DirectWriteAlignment - address % LibC.DirectWriteAlignment) % LibC.DirectWriteAlignment);
        Length = length;
    }

    public int Length { get; }

    /// <summary>The aligned buffer.</summary>
    public Span<byte> Bytes => _array.AsSpan(_start, Length);
}
