using System.Text.Json.Serialization;

namespace Vnd.Executor.Storage.Manifest;

/// <summary>
/// The committed state of a trace table: schema and the segments that are visible. Only files named
/// here are part of the table; anything else in the directory is debris from an interrupted write.
/// </summary>
public sealed record TableManifest
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    public required IReadOnlyList<ManifestColumn> Columns { get; init; }

    public required IReadOnlyList<SegmentInfo> Segments { get; init; }

    /// <summary>
    /// Per column, a <see cref="Sketches.HyperLogLog"/> of the whole table's non-null values (see
    /// <see cref="Sketches.TableSketches"/>); null when some segment was written without one.
    /// </summary>
    public IReadOnlyList<byte[]?>? DistinctSketches { get; init; }

    [JsonIgnore]
    public long RowCount => Sum(static s => s.Rows);

    /// <summary>Bytes of all segment files.</summary>
    [JsonIgnore]
    public long ByteSize => Sum(static s => s.Bytes);

    private long Sum(Func<SegmentInfo, long> of)
    {
        long total = 0;
        foreach (var segment in Segments)
            total += of(segment);
        return total;
    }
}
