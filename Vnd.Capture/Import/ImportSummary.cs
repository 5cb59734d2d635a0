using Vnd.Capture.Decoding;
using Vnd.Capture.Sources;
using Vnd.Executor.Storage;

namespace Vnd.Capture.Import;

/// <summary>What one import did: packets, rows per table, problems by kind, time.</summary>
public sealed class ImportSummary
{
    internal ImportSummary(long packets, long bytes, IReadOnlyList<(TableRef Table, long Rows)> rows,
        long[] decodeErrors, long[] readerErrors, IReadOnlyList<SourceEnd> sources, TimeSpan elapsed,
        IReadOnlyList<DiskQueueTimes> disk)
    {
        Disk = disk;
        Packets = packets;
        Bytes = bytes;
        RowsPerTable = rows;
        DecodeErrors = decodeErrors;
        ReaderErrors = readerErrors;
        Sources = sources;
        Elapsed = elapsed;
    }

    public long Packets { get; }

    /// <summary>Bytes of capture consumed (headers and records).</summary>
    public long Bytes { get; }

    public IReadOnlyList<(TableRef Table, long Rows)> RowsPerTable { get; }

    /// <summary>Packets with each <see cref="DecodeErrorKind"/>, indexed by the kind's value.</summary>
    public IReadOnlyList<long> DecodeErrors { get; }

    /// <summary>Records with each <see cref="ReaderErrorKind"/>, indexed by the kind's value.</summary>
    public IReadOnlyList<long> ReaderErrors { get; }

    /// <summary>How each input ended: cleanly, torn at an offset, or abandoned at an untrustworthy length.</summary>
    public IReadOnlyList<SourceEnd> Sources { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Where each table's disk work went (same order as <see cref="RowsPerTable"/>).</summary>
    public IReadOnlyList<DiskQueueTimes> Disk { get; }

    /// <summary>The part of <see cref="Elapsed"/> the import spent waiting for the disk rather than reading and decoding.</summary>
    public TimeSpan WaitedForDisk
    {
        get
        {
            var total = TimeSpan.Zero;
            foreach (var disk in Disk)
                total += disk.WaitingForChunks + disk.WaitingAtDrain;
            return total;
        }
    }

    public double PacketsPerSecond => Elapsed.TotalSeconds > 0 ? Packets / Elapsed.TotalSeconds : 0;
}

/// <summary>How one input ended.</summary>
public sealed record SourceEnd(string Name, long Packets, long? TruncatedAtOffset, long? AbandonedAtOffset);
