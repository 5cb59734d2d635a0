using Vnd.Executor.Execution;

namespace Vnd.Executor.Storage;

/// <summary>How a <see cref="TraceTableWriter"/> cuts record batches and segments.</summary>
public sealed record TraceTableWriterOptions
{
    public static TraceTableWriterOptions Default { get; } = new();

    /// <summary>Rows per Arrow record batch (the unit a scan reads); builders hold this many values.</summary>
    public int RowsPerBatch { get; init; } = 64 * 1024;

    /// <summary>Rows per segment file; a segment is sealed when it reaches this many rows.</summary>
    public long RowsPerSegment { get; init; } = 1024 * 1024;

    /// <summary>Also seal a segment once its file reaches this many bytes (checked after each batch); null for no limit.</summary>
    public long? BytesPerSegment { get; init; }

    /// <summary>
    /// How segment bytes reach the device (both are equally durable once a segment is visible). Buffered by default:
    /// idle on the development VM, 10M packets imported in 1.03-1.09 s against 1.16-1.30 s with O_DIRECT, and with
    /// less process CPU (1.04-1.39 against 1.51-1.75 s), three alternating pairs (docs/benchmarks.md, 2026-11-27
    /// 12:38 UTC).
    /// </summary>
    public SegmentFileWrites FileWrites { get; init; } = SegmentFileWrites.Buffered;

    /// <summary>
    /// Whether a segment may store a column's values as offsets from a base when that is narrower
    /// (<see cref="StoredIntegerType"/>): timestamps in 4 bytes instead of 8, a tenant's addresses in 2 instead of 4 —
    /// a fifth of the standard trace table's bytes. The files stay Arrow IPC, but a tool that ignores the fields'
    /// <c>vnd.base</c> reads offsets; false writes every value as itself (only int2/int4/int8 narrowed, as values).
    /// </summary>
    public bool ValueOffsets { get; init; } = true;

    /// <summary>
    /// Where the writer's disk chunks and column arrays come from and go back to when it is closed, so that the next
    /// writer finds them with their pages mapped instead of allocating and faulting in ~40 MB; null: the writer
    /// allocates its own. One pool serves every import of its owner (a bench run, the diagnosis manager).
    /// </summary>
    public ImportBufferPool? Buffers { get; init; }

    /// <summary>
    /// The CPUs the writer's disk threads (writes and seals) run on (<see cref="ImportThreadPlacement.Io"/> when an
    /// import is placed); null leaves them to the scheduler.
    /// </summary>
    public CpuSet? DiskThreadCpus { get; init; }

    internal void Validate()
    {
        if (RowsPerBatch is < 1 or > 16 * 1024 * 1024)
            throw new StorageException(StorageErrorKind.InvalidUsage, $"rows per batch must be 1..16Mi, not {RowsPerBatch}");
        if (RowsPerSegment < 1)
            throw new StorageException(StorageErrorKind.InvalidUsage, $"rows per segment must be positive, not {RowsPerSegment}");
        if (!Enum.IsDefined(FileWrites))
            throw new StorageException(StorageErrorKind.InvalidUsage, $"unknown file write mode {FileWrites}");
        if (BytesPerSegment is < 1)
            throw new StorageException(StorageErrorKind.InvalidUsage, $"bytes per segment must be positive, not {BytesPerSegment}");
    }
}
