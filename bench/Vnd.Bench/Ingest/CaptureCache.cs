using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Vnd.Bench.Ingest;

/// <summary>
/// Puts the benchmark's capture file in the page cache the same way before every run: its cached pages dropped
/// (<c>posix_fadvise(POSIX_FADV_DONTNEED)</c>; the file is clean, so nothing is lost) and the file read once from
/// start to end, as a file just copied onto the machine or read once by any tool would be cached. The timed import
/// then reads a fully cached file through read(2), as before.
/// </summary>
/// <remarks>
/// Without this the import's read-ahead thread depended on the history of the file's pages: the 10M-packet capture,
/// generated hours earlier and read by many runs since, cost that thread 0.35–0.46 s of read(2) per pass; after the
/// pages were dropped and read back once, 0.12–0.19 s, and <c>--stage read</c> went from 0.32 to 0.08 s of kernel
/// time (docs/benchmarks.md, 2026-11-27 15:20–15:45 UTC). The importer waited for that thread for up to 0.25 s per
/// import, so the same build measured 10.9–15.0 M packets/s end to end before and 18.8–20.5 M/s after.
/// </remarks>
internal static partial class CaptureCache
{
    private const int PosixFadviseDontNeed = 4;

    /// <summary>Drops and re-reads <paramref name="path"/>; returns how long the re-read took (zero where the drop is not available).</summary>
    public static TimeSpan Recache(string path)
    {
        if (!OperatingSystem.IsLinux())
            return TimeSpan.Zero;
        using (var handle = File.OpenHandle(path))
        {
            // Advice only: a failure leaves the pages as they were, and the read below still caches the whole file.
            _ = PosixFadvise((int)handle.DangerousGetHandle(), 0, 0, PosixFadviseDontNeed);
        }
        var clock = Stopwatch.StartNew();
        var buffer = new byte[1 << 20];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        while (stream.Read(buffer, 0, buffer.Length) > 0)
        {
        }
        return clock.Elapsed;
    }

    /// <summary>Flushes every file system's dirty pages (sync(2)).</summary>
    public static void SyncAll() => Sync();

    [LibraryImport("libc", EntryPoint = "sync")]
    private static partial void Sync();

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int PosixFadvise(int fd, long offset, long length, int advice);
}
