using System.Collections.Concurrent;

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
/// A hit takes no lock: with 200 pgbench sessions every query opens the same segment, and a lock around the hit
/// (and its recency list) was 9% of the server's CPU in contention alone. Changes (a new mapping, eviction, the idle
/// sweep) still serialise on one gate; a reader that finds an entry being removed either wins its reference first
/// (the mapping stays valid until it releases) or fails to and maps the file itself.
/// </remarks>
internal sealed class SegmentMappings
{
    /// <summary>How long an unused mapping stays cached (its file may have been dropped by another process).</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);

    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
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
    public int Count => _entries.Count;

    /// <summary>
    /// A reference to the mapping of the segment at <paramref name="path"/>, whose manifest says it holds
    /// <paramref name="bytes"/> bytes; the caller releases it (<see cref="MappedSegmentMemory.Release"/>).
    /// </summary>
    /// <param name="entry">
    /// The manifest's entry for the segment, when the caller has it. A mapping checked against the file for this very
    /// entry is served without another stat: the manifest cache hands out one manifest instance per manifest file
    /// version, checked at every table open, and a table dropped and written again (by any process) has a new manifest
    /// file, so its entries are new objects and get checked. Under pgbench this stat was one of a small query's four.
    /// </param>
    public MappedSegmentMemory Acquire(string path, long bytes, Manifest.SegmentInfo? entry = null)
    {
        if (entry is not null && _entries.TryGetValue(path, out var checkedBefore) && ReferenceEquals(Volatile.Read(ref checkedBefore.CheckedFor), entry)
            && checkedBefore.Mapping.TryAddReference())
        {
            var at = _time.GetTimestamp();
            SweepIdle(at);
            Volatile.Write(ref checkedBefore.LastUsed, at);
            return checkedBefore.Mapping;
        }
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            Forget(path);
            throw new StorageException(StorageErrorKind.Corrupt, $"segment {path} named in the manifest is missing");
        }
        var (length, written) = (file.Length, file.LastWriteTimeUtc);
        if (length != bytes || length < 2 * 8)
            throw new StorageException(StorageErrorKind.Corrupt, $"segment {path} has {length} bytes, the manifest says {bytes}");
        var now = _time.GetTimestamp();
        SweepIdle(now);
        if (_entries.TryGetValue(path, out var cached))
        {
            if (cached.Length == length && cached.Written == written && cached.Mapping.TryAddReference())
            {
                Volatile.Write(ref cached.LastUsed, now);
                if (entry is not null)
                    Volatile.Write(ref cached.CheckedFor, entry);
                return cached.Mapping;
            }
            lock (_gate)
                RemoveIfCurrent(path, cached);
        }
        var mapping = MappedSegmentMemory.Open(path, length);
        if (_capacity == 0)
            return mapping;
        lock (_gate)
        {
            if (_entries.TryGetValue(path, out var raced))
                RemoveIfCurrent(path, raced);
            if (!mapping.TryAddReference())
                throw new InvalidOperationException("a fresh mapping has a reference");
            _entries[path] = new Entry(mapping, length, written) { LastUsed = now, CheckedFor = entry };
            while (_entries.Count > _capacity)
                RemoveLeastRecent(keep: path);
        }
        return mapping;
    }

    /// <summary>Releases the cached mappings of every segment under <paramref name="directory"/> (a dropped table).</summary>
    public void ForgetDirectory(string directory)
    {
        var prefix = Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar;
        lock (_gate)
        {
            foreach (var (path, entry) in _entries)
            {
                if (path.StartsWith(prefix, StringComparison.Ordinal))
                    RemoveIfCurrent(path, entry);
            }
        }
    }

    private void Forget(string path)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(path, out var entry))
                RemoveIfCurrent(path, entry);
        }
    }

    /// <summary>At most once per <see cref="SweepInterval"/>: releases mappings unused for longer than <see cref="IdleLifetime"/>.</summary>
    private void SweepIdle(long now)
    {
        var last = Volatile.Read(ref _lastSweep);
        if (_time.GetElapsedTime(last, now) < SweepInterval || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
            return;
        lock (_gate)
        {
            foreach (var (path, entry) in _entries)
            {
                if (_time.GetElapsedTime(Volatile.Read(ref entry.LastUsed), now) > IdleLifetime)
                    RemoveIfCurrent(path, entry);
            }
        }
    }

    /// <summary>Over capacity (rare: one entry per sealed segment read): a linear search beats a recency list every hit must update.</summary>
    private void RemoveLeastRecent(string keep)
    {
        KeyValuePair<string, Entry>? oldest = null;
        foreach (var pair in _entries)
        {
            if (pair.Key == keep)
                continue;
            if (oldest is null || Volatile.Read(ref pair.Value.LastUsed) < Volatile.Read(ref oldest.Value.Value.LastUsed))
                oldest = pair;
        }
        if (oldest is { } victim)
            RemoveIfCurrent(victim.Key, victim.Value);
    }

    /// <summary>Removes <paramref name="entry"/> (under the gate) unless another thread already replaced or removed it.</summary>
    private void RemoveIfCurrent(string path, Entry entry)
    {
        if (_entries.TryRemove(new KeyValuePair<string, Entry>(path, entry)))
            entry.Mapping.Release();
    }

    private sealed class Entry(MappedSegmentMemory mapping, long length, DateTime written)
    {
        public MappedSegmentMemory Mapping { get; } = mapping;

        public long Length { get; } = length;

        public DateTime Written { get; } = written;

        /// <summary>Timestamp of the last hit; written without the gate, read for eviction.</summary>
        public long LastUsed;

        /// <summary>The manifest entry the file was last checked against (see <see cref="Acquire"/>).</summary>
        public Manifest.SegmentInfo? CheckedFor;
    }
}
