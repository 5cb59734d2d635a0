using Apache.Arrow;
using Vnd.Executor.Storage;

namespace Vnd.Executor.Tests.Storage;

/// <summary>
/// A mapped segment's record batches are decoded once and shared by every reader of the mapping; the cache lives
/// and dies with its mapping, so a new segment, a rewritten file or an evicted mapping is decoded afresh.
/// </summary>
public sealed class SegmentRecordBatchesTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>300 ints in segments of 128 rows and record batches of 64 (see <see cref="TraceTableStoreTests.WriteInts"/>).</summary>
    private (TraceTableStore Store, TableRef Table) Written(int rows = 300, string name = "t")
    {
        var store = new TraceTableStore(_dir.Path);
        var table = new TableRef("s", name);
        TraceTableStoreTests.WriteInts(store, table, rows);
        return (store, table);
    }

    private static List<int> Values(RecordBatch batch)
    {
        var column = batch.Column(0);
        var values = new List<int>(column.Length);
        for (var i = 0; i < column.Length; i++)
            values.Add((int)StoredIntegerType.Value(column, i)!.Value);
        return values;
    }

    private static List<int> ReadAll(TraceTable table)
    {
        var values = new List<int>();
        var reader = new TraceTableReader(table);
        foreach (var segment in table.Segments)
        {
            using var segmentReader = reader.OpenSegment(segment, SegmentReadMode.Mapped);
            while (segmentReader.ReadNext() is { } batch)
            {
                using (batch)
                    values.AddRange(Values(batch));
            }
        }
        return values;
    }

    [Fact]
    public void Readers_of_one_segment_get_the_same_decoded_batches_and_disposing_one_loses_nothing()
    {
        var (store, table) = Written();
        var opened = store.OpenTable(table);
        using var first = new TraceTableReader(opened).OpenSegment(opened.Segments[0], SegmentReadMode.Mapped);
        using var second = new TraceTableReader(store.OpenTable(table)).OpenSegment(opened.Segments[0], SegmentReadMode.Mapped);

        var batch = first.ReadNext()!;
        Assert.Same(batch, second.ReadNext());
        batch.Dispose();

        Assert.Equal(Enumerable.Range(0, 64), Values(batch));
        Assert.Equal(Enumerable.Range(0, 300), ReadAll(store.OpenTable(table)));
        Assert.Equal(Enumerable.Range(0, 300), ReadAll(store.OpenTable(table)));
    }

    [Fact]
    public void A_reader_that_stops_early_decodes_only_what_it_read()
    {
        var (store, table) = Written();
        var opened = store.OpenTable(table);
        var segment = opened.Segments[0];
        using (var reader = new TraceTableReader(opened).OpenSegment(segment, SegmentReadMode.Mapped))
            Assert.NotNull(reader.ReadNext());

        var mapping = opened.Mappings.Acquire(opened.SegmentPath(segment), segment.Bytes);
        try
        {
            Assert.Equal(1, mapping.Batches.Decoded);
            Assert.NotNull(mapping.Batches.Get(1));
            Assert.Null(mapping.Batches.Get(2));
            Assert.Equal(2, mapping.Batches.Decoded);
        }
        finally
        {
            mapping.Release();
        }
    }

    [Fact]
    public void Rows_appended_after_a_read_are_seen_by_the_next_one()
    {
        var (store, table) = Written();
        Assert.Equal(Enumerable.Range(0, 300), ReadAll(store.OpenTable(table)));

        TraceTableStoreTests.WriteInts(store, table, 100, offset: 300);

        Assert.Equal(Enumerable.Range(0, 400), ReadAll(store.OpenTable(table)));
    }

    [Fact]
    public void Concurrent_first_readers_each_see_every_row_once()
    {
        var (store, table) = Written(rows: 5000);
        var results = new List<int>[16];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = ReadAll(store.OpenTable(table)));
        foreach (var values in results)
            Assert.Equal(Enumerable.Range(0, 5000), values);
    }

    [Fact]
    public void The_decoded_batches_go_with_their_mapping_when_it_is_evicted()
    {
        var (store, table) = Written();
        var opened = store.OpenTable(table);
        var (a, b) = (opened.Segments[0], opened.Segments[1]);
        var mappings = new SegmentMappings(capacity: 1);

        var first = mappings.Acquire(opened.SegmentPath(a), a.Bytes);
        var batches = first.Batches;
        Assert.NotNull(batches.Get(0));
        first.Release();
        mappings.Acquire(opened.SegmentPath(b), b.Bytes).Release();

        // Segment a's mapping was evicted by b's: a new mapping with nothing decoded yet, and the same values.
        var again = mappings.Acquire(opened.SegmentPath(a), a.Bytes);
        try
        {
            Assert.NotSame(batches, again.Batches);
            Assert.Equal(0, again.Batches.Decoded);
            Assert.Equal(Enumerable.Range(0, 64), Values(again.Batches.Get(0)!));
            Assert.Equal(1, mappings.Count);
        }
        finally
        {
            again.Release();
        }
    }
}
