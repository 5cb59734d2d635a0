using System.Globalization;

namespace Vnd.Executor.Storage;

/// <summary>
/// Layout of a data directory:
/// <code>
/// DIR/tables/&lt;schema&gt;/&lt;table&gt;/manifest.json      committed schema + segment list with statistics
/// DIR/tables/&lt;schema&gt;/&lt;table&gt;/seg-000001.arrow   immutable Arrow IPC file (Feather v2) segments
/// DIR/tables/&lt;schema&gt;/&lt;table&gt;/.lock              held (flock) by the table's one active writer
/// DIR/tables/&lt;schema&gt;/&lt;table&gt;/*.tmp              being written; debris after a crash
/// DIR/tables/&lt;schema&gt;/.dropped-*                       a dropped table being deleted
/// </code>
/// A table exists once its manifest exists. Names starting with '.' are never schemas or tables.
/// </summary>
internal static class TableDirectory
{
    public const string ManifestName = "manifest.json";
    public const string LockName = ".lock";
    private const string SegmentPrefix = "seg-";
    private const string SegmentSuffix = ".arrow";

    public static string TablesRoot(string dataDirectory) => Path.Combine(dataDirectory, "tables");

    public static string TablePath(string dataDirectory, TableRef table)
    {
        table.Validate();
        return Path.Combine(TablesRoot(dataDirectory), table.Schema, table.Table);
    }

    public static string SegmentFileName(int number) =>
        SegmentPrefix + number.ToString("D6", CultureInfo.InvariantCulture) + SegmentSuffix;

    /// <summary>The segment number of a final segment file name, or -1 for any other name.</summary>
    public static int ParseSegmentNumber(string fileName)
    {
        if (!fileName.StartsWith(SegmentPrefix, StringComparison.Ordinal) || !fileName.EndsWith(SegmentSuffix, StringComparison.Ordinal))
            return -1;
        var digits = fileName.AsSpan(SegmentPrefix.Length, fileName.Length - SegmentPrefix.Length - SegmentSuffix.Length);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
    }

    /// <summary>
    /// Deletes everything in a table directory that the manifest does not name: temp files and segments
    /// sealed after the last committed manifest. Only call while holding the table's lock.
    /// </summary>
    public static List<string> RemoveDebris(string tableDirectory, Manifest.TableManifest? manifest)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal) { ManifestName, LockName };
        if (manifest is not null)
        {
            foreach (var segment in manifest.Segments)
                keep.Add(segment.File);
        }
        var removed = new List<string>();
        foreach (var path in Directory.EnumerateFiles(tableDirectory))
        {
            if (keep.Contains(Path.GetFileName(path)))
                continue;
            File.Delete(path);
            removed.Add(path);
        }
        return removed;
    }
}
