using Vnd.Executor.Storage;
using Vnd.Executor.Execution;

namespace Vnd.Capture.Sources;

/// <summary>Limits and buffering of the capture readers.</summary>
public sealed class CaptureReaderOptions
{
    /// <summary>The defaults: 256 KiB records (libpcap's MAXIMUM_SNAPLEN), 1 MiB read chunks (384 KiB when read ahead).</summary>
    public static CaptureReaderOptions Default { get; } = new();

    /// <summary>Largest captured length trusted. A longer record cannot be framed and stops reading.</summary>
    public int MaxRecordSize { get; init; } = 256 * 1024;

    /// <summary>Size of the single read buffer (one chunk read from the stream at a time). Raised to fit the
    /// largest block when smaller.</summary>
    public int BufferSize { get; init; } = 1024 * 1024;

    /// <summary>Headroom above <see cref="MaxRecordSize"/> for a pcapng packet block's header and options, and
    /// the largest interface or section header block kept in memory.</summary>
    public int BlockOverhead { get; init; } = 64 * 1024;

    /// <summary>Most interfaces kept per pcapng section; extra IDBs are counted and ignored.</summary>
    public int MaxInterfacesPerSection { get; init; } = 65536;

    /// <summary>
    /// Read a capture file opened by path in place, through a memory mapping, instead of copying it into a buffer
    /// (see <see cref="MappedInput"/>). Off by default: on the virtual machines VND is measured on, the first touch of
    /// each newly mapped page costs far more than the copy it saves — reading a 1 GB capture took 0.6–0.8 CPU-s mapped
    /// against 0.2 CPU-s through a reused 1 MiB buffer (<c>vnd-bench ingest-profile --stage read</c>), and an import's
    /// importing thread ~40 % more. Never on for a file that another process may truncate while it is read.
    /// </summary>
    public bool MemoryMap { get; init; }

    /// <summary>
    /// Chunks of <see cref="ReadAheadChunkSize"/> a capture file opened by path is read ahead by a thread of its own
    /// (<see cref="ReadAheadInput"/>), so the kernel's copy of the file — about a fifth of the importing thread's time
    /// for a cached file — runs beside the parsing instead of in it. Enough chunks that the read thread runs megabytes
    /// ahead and the importing thread rarely waits for it: with two half-size chunks it waited after almost every
    /// one on a busy machine (docs/benchmarks.md, ingest10). 0 reads on the importing thread.
    /// </summary>
    public int ReadAheadChunks { get; init; } = 8;

    /// <summary>
    /// Bytes read per chunk when a file is read ahead (<see cref="ReadAheadChunks"/>); raised to fit the largest block.
    /// Smaller than <see cref="BufferSize"/>: with 384 KiB chunks the importing thread took 0.45 CPU-s per 10M packets
    /// against 0.50 with 1 MiB (medians of 6 alternations, docs/benchmarks.md, branch loop), presumably because the
    /// smaller ring (8 × (320 + 384) KiB instead of 8 × (320 + 1024) KiB) is more often still in the shared cache when
    /// a record's first bytes are read (this virtual machine has no cache counters to confirm it).
    /// </summary>
    public int ReadAheadChunkSize { get; init; } = 384 * 1024;

    /// <summary>
    /// Where the read-ahead buffers come from and go back to when the source is disposed (after its read thread has
    /// stopped), so that the next file's source finds them with their pages mapped; null: each source allocates its own.
    /// </summary>
    public ImportBufferPool? Buffers { get; init; }

    /// <summary>
    /// The CPUs the read-ahead thread runs on (<see cref="ImportThreadPlacement.Io"/> when an import is placed); null
    /// leaves it to the scheduler.
    /// </summary>
    public CpuSet? ReadAheadThreadCpus { get; init; }

    /// <summary>Bytes of the file mapped at a time when <see cref="MemoryMap"/> is on; raised to fit the largest block.</summary>
    public int MapWindowSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>Leave a caller's stream open when the source is disposed.</summary>
    public bool LeaveOpen { get; init; }

    internal int MaxBlockSize => checked(MaxRecordSize + BlockOverhead);

    /// <summary>The most bytes a reader ensures at once: the largest block and a record header.</summary>
    internal int LargestRead => MaxBlockSize + 16;

    internal int EffectiveBufferSize => Math.Max(BufferSize, LargestRead);

    internal int EffectiveReadAheadChunkSize => Math.Max(ReadAheadChunkSize, LargestRead);

    /// <summary>A window holds the largest block even when it starts a page before it.</summary>
    internal int EffectiveMapWindowSize => Math.Max(MapWindowSize, LargestRead + 2 * Environment.SystemPageSize);
}
