using System.Runtime.InteropServices;
using Vnd.Executor.Storage;

namespace Vnd.Executor.Tests.Storage;

/// <summary>
/// <see cref="LibC.TryPopulate"/> maps the whole pages of a span in one call (the disk chunks and the column builders
/// use it instead of a page fault per 4 KiB): the pages are then resident, and bytes already written stay as they were.
/// Residency is read with mincore(2) on memory fresh from the OS, which has no page until something touches it.
/// </summary>
public sealed unsafe partial class PagePopulationTests
{
    private const int Pages = 256;
    private static readonly int PageSize = Environment.SystemPageSize;

    /// <summary>Whether this kernel has MADV_POPULATE_WRITE (Linux 5.14).</summary>
    private static bool Supported => OperatingSystem.IsLinux() && Environment.OSVersion.Version >= new Version(5, 14);

    [Fact]
    public void Populating_maps_every_whole_page_of_fresh_memory()
    {
        var memory = FreshPages(Pages);
        try
        {
            var span = new Span<byte>(memory, Pages * PageSize);
            Assert.Equal(0, ResidentPages(memory, Pages));
            Assert.Equal(Supported, LibC.TryPopulate(span));
            if (Supported)
                Assert.Equal(Pages, ResidentPages(memory, Pages));
            // Fresh anonymous pages read as zero, populated or not.
            Assert.Equal(-1, span.IndexOfAnyExcept((byte)0));
        }
        finally
        {
            Unmap(memory, Pages);
        }
    }

    [Fact]
    public void Populating_keeps_the_bytes_already_written()
    {
        var memory = FreshPages(Pages);
        try
        {
            var span = new Span<byte>(memory, Pages * PageSize);
            // Every other page written before: those are mapped and hold data that advice like MADV_DONTNEED would drop.
            for (var page = 0; page < Pages; page += 2)
            {
                for (var i = 0; i < PageSize; i += 97)
                    span[page * PageSize + i] = (byte)(page + i);
            }
            Assert.Equal(Supported, LibC.TryPopulate(span));
            for (var page = 0; page < Pages; page++)
            {
                for (var i = 0; i < PageSize; i += 97)
                    Assert.Equal(page % 2 == 0 ? (byte)(page + i) : (byte)0, span[page * PageSize + i]);
            }
        }
        finally
        {
            Unmap(memory, Pages);
        }
    }

    [Fact]
    public void Only_the_whole_pages_inside_an_unaligned_span_are_populated()
    {
        var memory = FreshPages(4);
        try
        {
            // From the middle of page 0 to the middle of page 3: pages 1 and 2 are whole, 0 and 3 only partly inside.
            var span = new Span<byte>(memory + PageSize / 2, 3 * PageSize);
            Assert.Equal(Supported, LibC.TryPopulate(span));
            var resident = Residency(memory, 4);
            Assert.Equal(Supported ? new byte[] { 0, 1, 1, 0 } : new byte[4], resident);
            // Less than a page (and so no whole page) asks for nothing.
            Assert.False(LibC.TryPopulate(new Span<byte>(memory + PageSize / 2, PageSize - 1)));
            Assert.False(LibC.TryPopulate(Span<byte>.Empty));
        }
        finally
        {
            Unmap(memory, 4);
        }
    }

    [Fact]
    public void A_disk_chunk_is_populated_at_its_first_use_and_keeps_its_bytes()
    {
        var chunk = new DiskChunk(1 << 20);
        Assert.False(chunk.Populated);
        chunk.Bytes[..3].Fill(7);
        Assert.True(chunk.Populated);
        chunk.Bytes[^1] = 9;
        Assert.Equal(new byte[] { 7, 7, 7 }, chunk.Bytes[..3].ToArray());
        Assert.Equal(9, chunk.Bytes[^1]);
        Assert.Equal(1 << 20, chunk.Bytes.Length);
        fixed (byte* start = chunk.Bytes)
        {
            Assert.Equal(0, (long)start % LibC.DirectWriteAlignment);
            // The pinned array may reuse pages touched before; after the first use every page is mapped.
            if (Supported)
                Assert.Equal(chunk.Length / PageSize, ResidentPages(start, chunk.Length / PageSize));
        }
    }

    /// <summary>Anonymous private pages straight from the kernel (none mapped yet), or, off Linux, zeroed native memory.</summary>
    private static byte* FreshPages(int pages)
    {
        if (!OperatingSystem.IsLinux())
            return (byte*)NativeMemory.AlignedAlloc((nuint)(pages * PageSize), (nuint)PageSize);
        const int Read = 1, Write = 2, Private = 0x02, Anonymous = 0x20;
        var address = Mmap(0, (nuint)(pages * PageSize), Read | Write, Private | Anonymous, -1, 0);
        Assert.NotEqual(-1, address);
        return (byte*)address;
    }

    private static void Unmap(byte* memory, int pages)
    {
        if (OperatingSystem.IsLinux())
            Assert.Equal(0, Munmap((nint)memory, (nuint)(pages * PageSize)));
        else
            NativeMemory.AlignedFree(memory);
    }

    private static int ResidentPages(byte* memory, int pages) => Residency(memory, pages).Count(b => b != 0);

    /// <summary>Per page, 1 if it is resident; all 0 off Linux (where nothing is populated either).</summary>
    private static byte[] Residency(byte* memory, int pages)
    {
        var vector = new byte[pages];
        if (!OperatingSystem.IsLinux())
            return vector;
        fixed (byte* v = vector)
            Assert.Equal(0, Mincore((nint)memory, (nuint)(pages * PageSize), v));
        for (var i = 0; i < vector.Length; i++)
            vector[i] &= 1;
        return vector;
    }

    [LibraryImport("libc", EntryPoint = "mmap")]
    private static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Munmap(nint address, nuint length);

    [LibraryImport("libc", EntryPoint = "mincore")]
    private static partial int Mincore(nint address, nuint length, byte* vector);
}
