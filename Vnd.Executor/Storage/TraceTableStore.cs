using Vnd.Executor.Storage.Manifest;

namespace Vnd.Executor.Storage;

/// <summary>
/// The trace tables of one data directory (layout in <see cref="TableDirectory"/>). Opening the store
/// recovers from crashes: files no manifest names (temp files, segments sealed after the last manifest)
/// and table directories without a manifest are deleted, except in tables a live writer holds.
/// </summary>
public sealed class TraceTableStore
{
    private readonly string _tablesRoot;
    private readonly Manifest.ManifestCache _manifests = new();
    private readonly SegmentMappings _mappings = new();

    public TraceTableStore(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        DataDirectory = Path.GetFullPath(dataDirectory);
        _tablesRoot = TableDirectory.TablesRoot(DataDirectory);
        DurableFile.CreateDirectory(_tablesRoot);
        RemovedDebris = Recover();
    }

    public string DataDirectory { get; }

    /// <summary>Paths deleted by crash recovery when the store was opened.</summary>
    public IReadOnlyList<string> RemovedDebris { get; }

    /// <summary>Schemas that hold at least one table directory, sorted.</summary>
    public IReadOnlyList<string> ListSchemas()
    {
        var schemas = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories(_tablesRoot))
        {
            var name = Path.GetFileName(dir);
            if (!name.StartsWith('.') && ListTables(name).Count > 0)
                schemas.Add(name);
        }
        schemas.Sort(StringComparer.Ordinal);
        return schemas;
    }

    /// <summary>The tables of a schema (those with a manifest), sorted by name.</summary>
    public IReadOnlyList<TableRef> ListTables(string schema)
    {
        TableRef.CheckPart(schema, "schema");
        var tables = new List<TableRef>();
        var schemaDir = Path.Combine(_tablesRoot, schema);
        if (!Directory.Exists(schemaDir))
            return tables;
        foreach (var dir in Directory.EnumerateDirectories(schemaDir))
        {
            var name = Path.GetFileName(dir);
            if (!name.StartsWith('.') && File.Exists(Path.Combine(dir, TableDirectory.ManifestName)))
                tables.Add(new TableRef(schema, name));
        }
        tables.Sort((a, b) => string.CompareOrdinal(a.Table, b.Table));
        return tables;
    }

    /// <summary>The directory of a schema's table directories: its write time moves when a table is created or dropped.</summary>
    public string SchemaDirectory(string schema)
    {
        TableRef.CheckPart(schema, "schema");
        return Path.Combine(_tablesRoot, schema);
    }

    public bool TableExists(TableRef table) =>
        File.Exists(Path.Combine(TableDirectory.TablePath(DataDirectory, table), TableDirectory.ManifestName));

    /// <summary>
    /// Every table with when and how long its manifest was last written, in no particular order, at one stat per
    /// table: every write replaces the manifest by rename, so a different stamp means a different snapshot (what
    /// <see cref="Manifest.ManifestCache"/> relies on too). This is
    /// what a table server fingerprints its catalog from every heartbeat and lists from, with thousands of tables
    /// (listing schemas and tables first, then stamping each, cost three file-system calls per table).
    /// </summary>
    public IEnumerable<(TableRef Table, DateTime Written, long Length)> ManifestStamps()
    {
        foreach (var schemaDir in Directory.EnumerateDirectories(_tablesRoot))
        {
            var schema = Path.GetFileName(schemaDir);
            if (schema.StartsWith('.'))
                continue;
            foreach (var tableDir in Directory.EnumerateDirectories(schemaDir))
            {
                var table = Path.GetFileName(tableDir);
                if (table.StartsWith('.'))
                    continue;
                var manifest = new FileInfo(Path.Combine(tableDir, TableDirectory.ManifestName));
                if (manifest.Exists)
                    yield return (new TableRef(schema, table), manifest.LastWriteTimeUtc, manifest.Length);
            }
        }
    }

    /// <summary>The table's current snapshot; throws <see cref="StorageErrorKind.TableNotFound"/>.</summary>
    public TraceTable OpenTable(TableRef table) =>
        TryOpenTable(table) ?? throw new StorageException(StorageErrorKind.TableNotFound, $"trace table {table} does not exist");

    /// <summary>The table as of its manifest now, or null when it does not exist (one stat of the manifest).</summary>
    public TraceTable? TryOpenTable(TableRef table)
    {
        var directory = TableDirectory.TablePath(DataDirectory, table);
        if (_manifests.Load(directory) is not { } manifest)
            return null;
        if (_opened.TryGetValue(manifest, out var opened) && opened.Ref == table)
            return opened;
        opened = new TraceTable(table, directory, manifest, _mappings);
        _opened.AddOrUpdate(manifest, opened);
        return opened;
    }

    /// <summary>
    /// Snapshots by the manifest they show: a manifest is immutable and the manifest cache hands out one instance per
    /// version, so a snapshot (with its schema built from the manifest) is made once per version, not at every open;
    /// a small query opens its table three times (binding, plan check, scan).
    /// </summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TableManifest, TraceTable> _opened = new();

    public TraceTableReader OpenReader(TableRef table) => new(OpenTable(table));

    public long RowCount(TableRef table) => OpenTable(table).RowCount;

    /// <summary>Starts an import into a table, creating it or appending to it (same schema).</summary>
    public TraceTableWriter CreateWriter(TableRef table, TableSchema schema, TraceTableWriterOptions? options = null) =>
        new(DataDirectory, table, schema, options);

    /// <summary>
    /// Deletes a table and its storage. The directory is first renamed away, so the table disappears
    /// atomically even if deleting the files is interrupted (recovery finishes the job).
    /// </summary>
    public void DropTable(TableRef table)
    {
        var directory = TableDirectory.TablePath(DataDirectory, table);
        if (!TableExists(table))
            throw new StorageException(StorageErrorKind.TableNotFound, $"trace table {table} does not exist");
        var dropped = Path.Combine(Path.GetDirectoryName(directory)!, ".dropped-" + Guid.NewGuid().ToString("N"));
        using (TableLock.Acquire(directory, table))
        {
            Directory.Move(directory, dropped);
            LibC.FsyncDirectory(Path.GetDirectoryName(directory)!);
        }
        // Scans still running keep their references; the files' blocks are freed when the last one ends.
        _mappings.ForgetDirectory(directory);
        Directory.Delete(dropped, recursive: true);
    }

    private List<string> Recover()
    {
        var removed = new List<string>();
        foreach (var schemaDir in Directory.EnumerateDirectories(_tablesRoot))
        {
            foreach (var tableDir in Directory.EnumerateDirectories(schemaDir))
            {
                if (Path.GetFileName(tableDir).StartsWith(".dropped-", StringComparison.Ordinal))
                {
                    Directory.Delete(tableDir, recursive: true);
                    removed.Add(tableDir);
                    continue;
                }
                using var tableLock = TableLock.TryAcquire(tableDir);
                if (tableLock is null)
                    continue; // a live writer owns its temp files
                var manifest = ManifestFile.TryLoad(tableDir);
                removed.AddRange(TableDirectory.RemoveDebris(tableDir, manifest));
                if (manifest is null)
                {
                    // Created by a writer that died before its first commit: not a table yet.
                    Directory.Delete(tableDir, recursive: true);
                    removed.Add(tableDir);
                }
            }
        }
        return removed;
    }
}
