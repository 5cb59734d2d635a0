using Vnd.Executor.Storage.Manifest;

namespace Vnd.Executor.Storage;

/// <summary>
/// A snapshot of a trace table as of its manifest when opened: schema and sealed segments with their
/// statistics. Segments are immutable, so the snapshot stays readable while later imports append.
/// </summary>
public sealed class TraceTable
{
    internal TraceTable(TableRef table, string directory, TableManifest manifest, SegmentMappings mappings)
    {
        Mappings = mappings;
        Ref = table;
        Directory = directory;
        Manifest = manifest;
        Schema = ManifestFile.ToSchema(manifest);
    }

    public TableRef Ref { get; }

    public TableSchema Schema { get; }

    /// <summary>The table's directory (<c>DIR/tables/&lt;schema&gt;/&lt;table&gt;</c>).</summary>
    public string Directory { get; }

    public TableManifest Manifest { get; }

    /// <summary>Sealed segments in write order, with per-column statistics for skipping.</summary>
    public IReadOnlyList<SegmentInfo> Segments => Manifest.Segments;

    public long RowCount => Manifest.RowCount;

    /// <summary>Bytes of all segment files.</summary>
    public long ByteSize => Manifest.ByteSize;

    /// <summary>The store's shared segment mappings, which mapped reads go through.</summary>
    internal SegmentMappings Mappings { get; }

    public string SegmentPath(SegmentInfo segment) => Path.Combine(Directory, segment.File);
}
