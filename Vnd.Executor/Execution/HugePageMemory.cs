using System.Runtime.InteropServices;

namespace Vnd.Executor.Execution;

/// <summary>
/// Zeroed native memory for a large hash table that is read at random, backed by transparent huge pages on Linux.
/// With 4 KiB pages every probe of a table of hundreds of MB also missed the TLB (the second-level TLB covers a
/// few MB), so each lookup paid a page walk on top of its cache miss; 2 MiB pages cover such a table with a few
/// hundred TLB entries. THP here is "madvise" only, so the region is mapped anonymously (zeroed by the kernel:
/// the table needs no clearing) and advised MADV_HUGEPAGE. Small tables, and other systems, take zeroed heap
/// memory from <see cref="NativeMemory.AllocZeroed(nuint)"/>.
/// A block may be kept between queries by the engine's <see cref="BufferRecycler"/> (a fresh mapping's faults,
/// one per 2 MiB page, and its unmapping were paid by every join before): a reused block is not zeroed
/// (<see cref="Zeroed"/> is false) and its user clears what it uses. The finalizer frees a block whose recycler
/// was dropped without <see cref="BufferRecycler.Clear"/>.
/// </summary>
internal sealed unsafe partial class HugePageMemory : IDisposable
{
    internal const long HugePage = 2L << 20;

    /// <summary>Below this a table takes ordinary memory: it fits the TLB's reach anyway.</summary>
    private const long MappedBytes = 4L << 20;

    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int MapPrivate = 2;
    private const int MapAnonymous = 0x20;
    private const int MadvHugePage = 14;

    private void* _mapping;
    private readonly nuint _mappedLength;

    public HugePageMemory(long bytes)
    {
        Bytes = Math.Max(8, bytes);
        if (OperatingSystem.IsLinux() && Bytes >= MappedBytes)
        {
            // One huge page more than needed, so the start can be moved to a huge-page boundary.
            _mappedLength = (nuint)(((Bytes + HugePage - 1) / HugePage * HugePage) + HugePage);
            var mapping = Mmap(null, _mappedLength, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
            if (mapping != (void*)-1)
            {
                _mapping = mapping;
                var aligned = ((long)mapping + HugePage - 1) & ~(HugePage - 1);
                // Advice only: without huge pages the table still works, on 4 KiB pages.
                _ = Madvise((void*)aligned, (nuint)(_mappedLength - (nuint)HugePage), MadvHugePage);
                Pointer = (ulong*)aligned;
                return;
            }
        }
        _mappedLength = 0;
        Pointer = (ulong*)NativeMemory.AllocZeroed((nuint)Bytes);
    }

    ~HugePageMemory() => Free();

    public long Bytes { get; }

    /// <summary>True while every byte is still zero as the system gave it: false once the block was lent and
    /// returned (see <see cref="BufferRecycler"/>).</summary>
    public bool Zeroed { get; internal set; } = true;

    /// <summary>The zeroed memory, 8-byte aligned; valid until <see cref="Dispose"/>.</summary>
    public ulong* Pointer { get; private set; }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        if (Pointer is null)
            return;
        if (_mapping is not null)
            _ = Munmap(_mapping, _mappedLength);
        else
            NativeMemory.Free(Pointer);
        _mapping = null;
        Pointer = null;
    }

    [LibraryImport("libc", EntryPoint = "mmap")]
    private static partial void* Mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Munmap(void* address, nuint length);
}
