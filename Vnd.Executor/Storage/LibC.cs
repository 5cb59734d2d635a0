using System.Runtime.InteropServices;

namespace Vnd.Executor.Storage;

/// <summary>
/// The three libc calls .NET has no API for: opening a directory to fsync it. A rename is only durable
/// once the directory entry is on disk, and <see cref="FileStream.Flush(bool)"/> only covers file data.
/// </summary>
internal static partial class LibC
{
    private const int EINVAL = 22;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

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
