using System.Collections.Concurrent;

namespace Vnd.Executor.Storage.Manifest;

/// <summary>
/// Parsed manifests by table directory, reused while the manifest file is the same file: every writer replaces
/// it by rename, so a changed (last-write time, length) means a new manifest. Planning a query opens a table
/// several times (binding, statistics, scan); parsing its JSON each time cost more than a small query itself.
/// Manifests are immutable records, so sharing one between sessions is safe.
/// </summary>
internal sealed class ManifestCache
{
    private readonly ConcurrentDictionary<string, (DateTime Written, long Length, TableManifest Manifest)> _entries = new(StringComparer.Ordinal);

    public TableManifest? Load(string tableDirectory)
    {
        var file = new FileInfo(Path.Combine(tableDirectory, TableDirectory.ManifestName));
        if (!file.Exists)
        {
            _entries.TryRemove(tableDirectory, out _);
            return null;
        }
        var (written, length) = (file.LastWriteTimeUtc, file.Length);
        if (_entries.TryGetValue(tableDirectory, out var entry) && entry.Written == written && entry.Length == length)
            return entry.Manifest;
        var manifest = ManifestFile.TryLoad(tableDirectory);
        if (manifest is null)
            _entries.TryRemove(tableDirectory, out _);
        else
            _entries[tableDirectory] = (written, length, manifest);
        return manifest;
    }
}
