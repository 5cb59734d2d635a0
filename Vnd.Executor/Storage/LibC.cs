using System.Runtime.InteropServices;

namespace Vnd.Executor.Storage;

/// <summary>
/// The libc calls .NET has no API for: opening a directory to fsync it, opening a file with O_DIRECT, starting
/// writeback of a file range, and mapping a buffer's pages ahead of use. A rename is only durable
/// once the directory entry is on disk, and <see cref="FileStream.Flush(bool)"/> only covers file data.
/// </summary>
internal static partial class LibC
{
    private const int EINVAL = 22;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static partial int SyncFileRange(int fd, long offset, long count, uint flags);

    /// <summary>
    /// Starts writing a range of a buffered file's dirty pages to the device without waiting for it (Linux's
    /// <c>sync_file_range(SYNC_FILE_RANGE_WRITE)</c>). Not a durability guarantee — the seal's fsync is — but it
    /// spreads the writeback over the time the file is being written, so the fsync finds little left to do, and it
    /// keeps the device busy with many requests in flight. False where the call does not exist or fails; then the
    /// fsync does all the work, as without it.
    /// </summary>
    public static bool StartWriteback(Microsoft.Win32.SafeHandles.SafeFileHandle file, long offset, long count)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        const uint SyncFileRangeWrite = 2;
        var added = false;
        try
        {
            file.DangerousAddRef(ref added);
            return SyncFileRange((int)file.DangerousGetHandle(), offset, count, SyncFileRangeWrite) == 0;
        }
        finally
        {
            if (added)
                file.DangerousRelease();
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);

    /// <summary>O_RDONLY | O_DIRECTORY; O_DIRECTORY differs between architectures and kernels.</summary>
    private static int DirectoryFlags
    {
        get
        {
            if (OperatingSystem.IsMacOS())
                return 0x100000;
            return RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64 ? 0x4000 : 0x10000;
        }
    }

    /// <summary>
    /// Creates (or truncates) <paramref name="path"/> for writing with O_DIRECT: writes go from the caller's buffer
    /// to the device without being copied into the page cache, which on a busy machine is the largest CPU cost of
    /// writing a segment. Writes must then be aligned (<see cref="DirectWriteAlignment"/>: buffer address, length and
    /// offset). Null where O_DIRECT is not available (not Linux, or a file system that refuses it, like tmpfs).
    /// </summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle? TryCreateDirect(string path)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        const int WriteOnly = 0x1, Create = 0x40, Truncate = 0x200, CloseOnExec = 0x80000;
        var direct = RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64 ? 0x10000 : 0x4000;
        var fd = Open(path, WriteOnly | Create | Truncate | CloseOnExec | direct, 0x1A4 /* 0644 */);
        return fd < 0 ? null : new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Alignment of O_DIRECT writes: the page size, a multiple of every device's logical block size.</summary>
    public const int DirectWriteAlignment = 4096;

    /// <summary>
    /// Maps every whole page of <paramref name="memory"/> writable in one call, as its first writes would one page
    /// fault at a time (Linux 5.14's MADV_POPULATE_WRITE; the contents stay what they were, zero for a page not yet
    /// mapped). Pages only partly inside the span are left alone. False where that is not available (another OS, an
    /// older kernel) or nothing was asked for: the pages then fault in on first touch, as without it.
    /// </summary>
    public static unsafe bool TryPopulate(Span<byte> memory)
    {
        const int PopulateWrite = 23; // MADV_POPULATE_WRITE, the same on every Linux architecture
        if (!OperatingSystem.IsLinux() || memory.IsEmpty)
            return false;
        var page = (nuint)Environment.SystemPageSize;
        // Pinned for the call only: the advice changes no byte, so the memory may move afterwards.
        fixed (byte* pointer = memory)
        {
            var start = ((nuint)pointer + page - 1) / page * page;
            var end = ((nuint)pointer + (nuint)memory.Length) / page * page;
            return end > start && Madvise((nint)start, end - start, PopulateWrite) == 0;
        }
    }

    /// <summary>Makes renames and creations inside <paramref name="directory"/> durable.</summary>
    public static void FsyncDirectory(string directory)
    {
        // Windows has no directory handles to flush; NTFS journals the rename itself.
        if (OperatingSystem.IsWindows())
            return;
        var fd = Open(directory, DirectoryFlags);
        if (fd < 0)
            throw Failure("open", directory);
        try
        {
            // Some file systems (e.g. certain FUSE mounts) reject fsync on directories with EINVAL: they
            // have nothing to flush, so that is not a durability loss we could prevent.
            if (Fsync(fd) != 0 && Marshal.GetLastPInvokeError() != EINVAL)
                throw Failure("fsync", directory);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static StorageException Failure(string call, string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new StorageException(StorageErrorKind.Io,
            $"{call}(\"{path}\") failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }
}
