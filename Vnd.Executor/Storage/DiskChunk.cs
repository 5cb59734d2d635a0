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
    /// <summary>Whether the chunk's pages have been asked for in one call (<see cref="Bytes"/>' first use).</summary>
    private bool _populated;

    public DiskChunk(int length)
    {
        _array = GC.AllocateUninitializedArray<byte>(checked((int)AllocatedBytes(length)), pinned: true);
        var address = (long)Marshal.UnsafeAddrOfPinnedArrayElement(_array, 0);
        _start = (int)((LibC.DirectWriteAlignment - address % LibC.DirectWriteAlignment) % LibC.DirectWriteAlignment);
        Length = length;
    }

    public int Length { get; }

    /// <summary>The bytes a chunk of <paramref name="length"/> holds on to: its length and the room to align it.</summary>
    public static long AllocatedBytes(int length) => (long)length + LibC.DirectWriteAlignment;

    /// <summary>
    /// The aligned buffer. Its first use maps all of its pages in one call (<see cref="LibC.TryPopulate"/>): the
    /// uninitialised array has none yet, and faulting them in one by one as the importer writes its first bytes into
    /// each chunk was 5–8 % of the importing thread's samples for a 10M-packet import on this project's VMs (256 page
    /// faults per 1 MiB chunk, each a costly exit under the hypervisor; docs/benchmarks.md, ingest12). Done on first
    /// use rather than here, so that a queue whose import writes little maps only the chunks it uses.
    /// </summary>
    public Span<byte> Bytes
    {
        get
        {
            var bytes = _array.AsSpan(_start, Length);
            if (!_populated)
            {
                _populated = true;
                LibC.TryPopulate(bytes);
            }
            return bytes;
        }
    }

    /// <summary>Whether <see cref="Bytes"/> has been used (and its pages asked for).</summary>
    internal bool Populated => _populated;
}
