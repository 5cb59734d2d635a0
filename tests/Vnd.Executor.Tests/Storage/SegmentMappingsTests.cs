using Vnd.Executor.Storage;

namespace Vnd.Executor.Tests.Storage;

/// <summary>Scans share one mapping per sealed segment, and the cache never serves a file that changed.</summary>
public sealed class SegmentMappingsTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<int> ReadMapped(TraceTableStore store, TableRef table)
    {
        var values = new List<int>();
        var reader = store.OpenReader(table);
        foreach (var segment in reader.Segments)
        {
            using var segmentReader = reader.OpenSegment(segment, SegmentReadMode.Mapped);
            while (segmentReader.ReadNext() is { } batch)
            {
                using (batch)
                {
                    var column = batch.Column(0);
                    for (var i = 0; i < column.Length; i++)
                        values.Add((int)StoredIntegerType.Value(column, i)!.Value);
                }
            }
        }
        return values;
    }

    [Fact]
    public void Readers_of_one_segment_share_its_mapping()
    {
        var store = new TraceTableStore(_dir.Path);
        var table = new TableRef("s", "t");
        TraceTableStoreTests.WriteInts(store, table, 300);
        var opened = store.OpenTable(table);

        using var first = new TraceTableReader(opened).OpenSegment(opened.Segments[0], SegmentReadMode.Mapped);
        using var second = new TraceTableReader(store.OpenTable(table)).OpenSegment(opened.Segments[0], SegmentReadMode.Mapped);

        Assert.Equal(1, opened.Mappings.Count);
        Assert.Equal(Enumerable.Range(0, 300), ReadMapped(store, table));
        Assert.Equal(3, opened.Mappings.Count);
    }

    [Fact]
    public void A_table_written_again_under_the_same_name_is_mapped_anew()
    {
        var store = new TraceTableStore(_dir.Path);
        var table = new TableRef("s", "t");
        TraceTableStoreTests.WriteInts(store, table, 100);
        Assert.Equal(Enumerable.Range(0, 100), ReadMapped(store, table));

        store.DropTable(table);
        TraceTableStoreTests.WriteInts(store, table, 100, offset: 1000);

        // Same segment file names and lengths: only the cache's file check tells them apart.
        Assert.Equal(Enumerable.Range(1000, 100), ReadMapped(store, table));
    }

    [Fact]
    public void A_file_replaced_behind_the_stores_back_is_not_served_from_the_cache()
    {
        var store = new TraceTableStore(_dir.Path);
        var table = new TableRef("s", "t");
        TraceTableStoreTests.WriteInts(store, table, 100);
        Assert.Equal(Enumerable.Range(0, 100), ReadMapped(store, table));

        // Another process (a second store) drops and rewrites the table: this store's cache is not told.
        var other = new TraceTableStore(_dir.Path);
        other.DropTable(table);
        Thread.Sleep(20);
        TraceTableStoreTests.WriteInts(other, table, 100, offset: 5000);

        Assert.Equal(Enumerable.Range(5000, 100), ReadMapped(store, table));
    }

    [Fact]
    public void Dropping_a_table_releases_its_mappings_but_not_under_a_running_reader()
    {
        var store = new TraceTableStore(_dir.Path);
        var table = new TableRef("s", "t");
        TraceTableStoreTests.WriteInts(store, table, 300);
        var opened = store.OpenTable(table);
        var running = new TraceTableReader(opened).OpenSegment(opened.Segments[0], SegmentReadMode.Mapped);
        Assert.Equal(1, opened.Mappings.Count);

        store.DropTable(table);

        Assert.Equal(0, opened.Mappings.Count);
        // The reader that was running keeps its mapping: its file is gone, its pages are not.
        using (var batch = running.ReadNext())
            Assert.Equal(0, StoredIntegerType.Value(batch!.Column(0), 0));
        running.Dispose();
    }

    [Fact]
    public void Capacity_evicts_the_least_recently_used_and_an_evicted_mapping_lives_until_released()
    {
        var store = new TraceTableStore(_dir.Path);
        var table = new TableRef("s", "t");
        TraceTableStoreTests.WriteInts(store, table, 300);
        var opened = store.OpenTable(table);
        var mappings = new SegmentMappings(capacity: 1);
        var a = opened.SegmentPath(opened.Segments[0]);
        var b = opened.SegmentPath(opened.Segments[1]);

        var held = mappings.Acquire(a, opened.Segments[0].Bytes);
        var other = mappings.Acquire(b, opened.Segments[1].Bytes);
        Assert.Equal(1, mappings.Count);

        Assert.True(held.GetSpan().StartsWith("ARROW1"u8)); // evicted from the cache, still mapped for its holder
        held.Release();
        Assert.Throws<ObjectDisposedException>(() => held.GetSpan());
        Assert.NotSame(held, mappings.Acquire(a, opened.Segments[0].Bytes));
        other.Release();
    }

    [Fact]
    public void Concurrent_readers_always_get_a_live_mapping_while_the_cache_evicts()
    {
        var store = new TraceTableStore(_dir.Path);
        var table = new TableRef("s", "t");
        TraceTableStoreTests.WriteInts(store, table, 300);
        var opened = store.OpenTable(table);
        // Capacity 1 and two segments: nearly every acquire evicts the other's entry while readers still hold it.
        var mappings = new SegmentMappings(capacity: 1);
        var segments = new[] { opened.Segments[0], opened.Segments[1] };
        var failures = 0;
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                var segment = segments[(i + worker) % 2];
                var mapping = mappings.Acquire(opened.SegmentPath(segment), segment.Bytes);
                if (!mapping.GetSpan().StartsWith("ARROW1"u8))
                    Interlocked.Increment(ref failures);
                mapping.Release();
            }
        });

        Assert.Equal(0, failures);
        Assert.Equal(1, mappings.Count);
    }

    [Fact]
    public void Mappings_unused_for_a_minute_are_released()
    {
        var store = new TraceTableStore(_dir.Path);
        var table = new TableRef("s", "t");
        TraceTableStoreTests.WriteInts(store, table, 300);
        var opened = store.OpenTable(table);
        var clock = new ManualClock();
        var mappings = new SegmentMappings(time: clock);
        var first = mappings.Acquire(opened.SegmentPath(opened.Segments[0]), opened.Segments[0].Bytes);
        first.Release();
        Assert.Equal(1, mappings.Count);

        clock.Advance(SegmentMappings.IdleLifetime + TimeSpan.FromSeconds(2));
        mappings.Acquire(opened.SegmentPath(opened.Segments[1]), opened.Segments[1].Bytes).Release();

        Assert.Equal(1, mappings.Count); // the idle one went, the new one stays
        Assert.Throws<ObjectDisposedException>(() => first.GetSpan());
    }

    [Fact]
    public void A_segment_whose_length_disagrees_with_the_manifest_is_corrupt()
    {
        var store = new TraceTableStore(_dir.Path);
        var table = new TableRef("s", "t");
        TraceTableStoreTests.WriteInts(store, table, 100);
        var opened = store.OpenTable(table);
        var mappings = new SegmentMappings();

        var error = Assert.Throws<StorageException>(() => mappings.Acquire(opened.SegmentPath(opened.Segments[0]), opened.Segments[0].Bytes + 1));

        Assert.Equal(StorageErrorKind.Corrupt, error.Kind);
        Assert.Equal(0, mappings.Count);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    [Fact]
    public void A_mapping_checked_for_a_manifest_entry_skips_the_stat_only_for_that_entry()
    {
        var store = new TraceTableStore(_dir.Path);
        var table = new TableRef("s", "t");
        TraceTableStoreTests.WriteInts(store, table, 100);
        var opened = store.OpenTable(table);
        var segment = opened.Segments[0];
        var path = opened.SegmentPath(segment);
        var mappings = new SegmentMappings();
        var first = mappings.Acquire(path, segment.Bytes, segment);
        File.Delete(path);

        // The same manifest entry: the mapping it was checked for, no stat (the mapping outlives the file's name).
        var again = mappings.Acquire(path, segment.Bytes, segment);
        Assert.Same(first, again);
        // An equal entry of another manifest instance is checked against the file, which is gone.
        var error = Assert.Throws<StorageException>(() => mappings.Acquire(path, segment.Bytes, segment with { }));
        Assert.Equal(StorageErrorKind.Corrupt, error.Kind);
        first.Release();
        again.Release();
    }
}
