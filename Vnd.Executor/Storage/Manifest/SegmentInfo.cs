namespace Vnd.Executor.Storage.Manifest;

/// <summary>
/// One sealed, immutable segment of a trace table as the manifest lists it. <see cref="Columns"/> is by
/// column ordinal.
/// </summary>
public sealed record SegmentInfo
{
    /// <summary>File name inside the table directory, e.g. <c>seg-000001.arrow</c>.</summary>
    public required string File { get; init; }

    /// <summary>The number in the file name; segments are listed in increasing order.</summary>
    public required int Number { get; init; }

    public required long Rows { get; init; }

    public required int Batches { get; init; }

    /// <summary>Size of the segment file.</summary>
    public required long Bytes { get; init; }

    public required IReadOnlyList<ColumnStatistics> Columns { get; init; }
}
