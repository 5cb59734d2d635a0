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

    public long RowCount
    {
        get
        {
            long rows = 0;
            foreach (var segment in Segments)
                rows += segment.Rows;
            return rows;
        }
    }
}
