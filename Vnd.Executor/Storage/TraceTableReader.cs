using Apache.Arrow;
using Vnd.Executor.Storage.Manifest;

namespace Vnd.Executor.Storage;

/// <summary>
/// Reads a trace table snapshot segment by segment. A scan looks at <see cref="Segments"/> (with their
/// min/max statistics), skips those its predicate rules out, and opens the rest.
/// </summary>
public sealed class TraceTableReader
{
    public TraceTableReader(TraceTable table) => Table = table ?? throw new ArgumentNullException(nameof(table));

    public TraceTable Table { get; }

    public IReadOnlyList<SegmentInfo> Segments => Table.Segments;

    /// <summary>Opens one segment for reading its batches (see <see cref="SegmentReadMode"/> for batch lifetime).</summary>
    public SegmentReader OpenSegment(SegmentInfo segment, SegmentReadMode mode = SegmentReadMode.Streamed) => new(Table, segment, mode);

    /// <summary>
    /// All batches of the segments <paramref name="keep"/> accepts (all when null), in table order. Each
    /// batch is the caller's to dispose.
    /// </summary>
    public IEnumerable<RecordBatch> ReadBatches(Func<SegmentInfo, bool>? keep = null)
    {
        foreach (var segment in Segments)
        {
            if (keep is not null && !keep(segment))
                continue;
            using var reader = OpenSegment(segment);
            while (reader.ReadNext() is { } batch)
                yield return batch;
        }
    }
}
