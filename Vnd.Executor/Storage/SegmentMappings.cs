namespace Vnd.Executor.Storage;

/// <summary>
/// The read-only mappings of sealed segments, shared by every scan of one store. A small query (a LIMIT, a
/// dashboard panel) used to open, map, validate, unmap and close each segment it touched: measured under pgbench,
/// that file-system work was about a tenth of a small query's CPU. Segments never change once sealed, so one mapping
/// serves every reader; each reader holds a reference, and the mapping is unmapped when it has left the cache and
/// its last reader is done.
/// </summary>
/// <remarks>
/// A cached mapping is reused only while the file is the same file: path, length and last-write time as when it was
/// mapped (one stat per open, as before). A table dropped and written again under the same name therefore maps anew.
/// A mapping keeps a deleted file's blocks allocated, so entries are released when the store drops their table,
/// when the cache holds more than its capacity (least recently used first; each mapping is one of the process's
/// limited memory areas, vm.max_map_count), and when unused for <see cref="IdleLifetime"/>.
/// </remarks>
internal sealed class SegmentMappings
{
    /// <summary>How long an unused mapping stays cached (its file may have been dropped by another process).</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(60);

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _recency = new();
    private readonly int _capacity;
    private readonly TimeProvider _time;
    private long _lastSweep;

    public SegmentMappings(int capacity = 2048, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
        _time = time ?? TimeProvider.System;
        _lastSweep = _time.GetTimestamp();
    }

    /// <summary>Mappings cached now (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _entries.Count;
        }
    }

    /// <summary>
    /// A reference to the mapping of the segment at <paramref name="path"/>, whose manifest says it holds
    /// <paramref name="bytes"/> bytes; the caller releases it (<see cref="MappedSegmentMemory.Release"/>).
    /// </summary>
    public MappedSegmentMemory Acquire(string path, long bytes)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            Forget(path);
            throw new StorageException(StorageErrorKind.Corrupt, $"segment {path} named in the manifest is missing");
        }
        var (length, written) = (file.Length, file.LastWriteTimeUtc);
        if (length != bytes || length < 2 * 8)
            throw new StorageException(StorageErrorKind.Corrupt, $"segment {path} has {length} bytes, the manifest says {bytes}");
        lock (_gate)
        {
            SweepIdle();
            if (_entries.TryGetValue(path, out var cached))
            {
                if (cached.Length == length && cached.Written == written && cached.Mapping.TryAddReference())
                {
                    Touch(cached);
                    return cached.Mapping;
                }
                Remove(path, cached);
            }
        }
        var mapping = MappedSegmentMemory.Open(path, length);
        if (_capacity == 0)
            return mapping;
        lock (_gate)
        {
            if (_entries.TryGetValue(path, out var raced))
                Remove(path, raced);
            if (!mapping.TryAddReference())
                throw new InvalidOperationException("a fresh mapping has a reference");
            var entry = new Entry(mapping, length, written, _recency.AddFirst(path)) { LastUsed = _time.GetTimestamp() };
            _entries[path] = entry;
            while (_entries.Count > _capacity)
                Remove(_recency.Last!.Value, _entries[_recency.Last.Value]);
        }
        return mapping;
    }

    /// <summary>Releases the cached mappings of every segment under <paramref name="directory"/> (a dropped table).</summary>
    public void ForgetDirectory(string directory)
    {
        var prefix = Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar;
        lock (_gate)
        {
            List<string>? doomed = null;
            foreach (var path in _entries.Keys)
            {
                if (path.StartsWith(prefix, StringComparison.Ordinal))
                    (doomed ??= []).Add(path);
            }
            foreach (var path in doomed ?? [])
                Remove(path, _entries[path]);
        }
    }

    private void Forget(string path)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(path, out var entry))
                Remove(path, entry);
        }
    }

    private void Touch(Entry entry)
    {
        entry.LastUsed = _time.GetTimestamp();
        _recency.Remove(entry.Node);
        _recency.AddFirst(entry.Node);
    }

    /// <summary>At most once per second: releases mappings unused for longer than <see cref="IdleLifetime"/>.</summary>
    private void SweepIdle()
    {
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(_lastSweep, now) < TimeSpan.FromSeconds(1))
            return;
        _lastSweep = now;
        while (_recency.Last is { } oldest && _time.GetElapsedTime(_entries[oldest.Value].LastUsed, now) > IdleLifetime)
            Remove(oldest.Value, _entries[oldest.Value]);
    }

    private void Remove(string path, Entry entry)
    {
        _entries.Remove(path);
        _recency.Remove(entry.Node);
        entry.Mapping.Release();
    }

    private sealed class Entry(MappedSegmentMemory mapping, long length, DateTime written, LinkedListNode<string> node)
    {
        public MappedSegmentMemory Mapping { get; } = mapping;

        public long Length { get; } = length;

        public DateTime Written { get; } = written;

        public LinkedListNode<string> Node { get; } = node;

        public long LastUsed { get; set; }
    }
}
