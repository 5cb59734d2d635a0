namespace Vnd.Executor.Storage;

/// <summary>
/// How segment bytes reach the device. Both end with the same fsync, rename and directory fsync before a segment is
/// visible; they differ in where the copying and the waiting happen.
/// </summary>
public enum SegmentFileWrites
{
    /// <summary>
    /// O_DIRECT (where the file system takes it; buffered elsewhere): each 1 MiB chunk goes from the writer's buffer to the device
    /// without a copy into the page cache, so writing costs almost no CPU, but every write waits for the device
    /// with one request in flight (~550–630 MB/s on the development VM).
    /// </summary>
    Direct,

    /// <summary>
    /// Through the page cache, with writeback of each chunk started as soon as it is written
    /// (<c>sync_file_range</c>), so the device works on many requests at once while the file is still being written
    /// and the seal's fsync finds little left (~730–990 MB/s on the development VM), at the cost of one copy of the
    /// bytes into the page cache. The default: on the development VM it imported faster and, measured as process
    /// CPU, more cheaply than <see cref="Direct"/> (see <see cref="TraceTableWriterOptions.FileWrites"/>).
    /// </summary>
    Buffered,
}
