using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Storage;

public sealed class TraceTableRoundTripTests : IDisposable
{
    private static readonly TableRef Packets = new("tenant1", "packets");
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static TraceTableWriterOptions Small => new() { RowsPerBatch = 1000, RowsPerSegment = 2500 };

    /// <summary>One writer session that appends sample rows <paramref name="first"/>.. and closes (commits).</summary>
    private static void AppendSampleRows(TraceTableStore store, long first, long count)
    {
        using var writer = store.CreateWriter(Packets, SampleRows.Schema, Small);
        SampleRows.Write(writer, first, count);
    }

    [Fact]
    public void Every_type_with_nulls_round_trips_across_batches_and_segments()
    {
        var store = new TraceTableStore(_dir.Path);
        using (var writer = store.CreateWriter(Packets, SampleRows.Schema, Small))
        {
            SampleRows.Write(writer, 0, 5300);
            writer.Commit();
        }

        var table = new TraceTableStore(_dir.Path).OpenTable(Packets);
        Assert.Equal(SampleRows.Schema, table.Schema);
        // The first segment's stored integer types are fixed by its first batch; a later batch outside them (the
        // growing i4/i8) starts the next segment early, whose types then cover the previous segment's range too.
        Assert.Equal([2000L, 2500L, 800L], table.Segments.Select(s => s.Rows));
        Assert.Equal(["seg-000001.arrow", "seg-000002.arrow", "seg-000003.arrow"], table.Segments.Select(s => s.File));
        TableVerifier.CheckValues(table, 5300);
    }

    [Fact]
    public void Segments_read_the_same_memory_mapped()
    {
        var store = new TraceTableStore(_dir.Path);
        AppendSampleRows(store, 0, 5300);
        TableVerifier.CheckValues(store.OpenTable(Packets), 5300, SegmentReadMode.Mapped);
    }

    [Fact]
    public void Segment_statistics_match_the_rows_written()
    {
        var store = new TraceTableStore(_dir.Path);
        AppendSampleRows(store, 0, 5300);

        var table = store.OpenTable(Packets);
        Assert.Equal(3, table.Segments.Count);
        TableVerifier.CheckStatistics(table, 1000);
        Assert.Equal(table.Segments.Sum(s => s.Bytes), table.ByteSize);
    }

    [Fact]
    public void A_later_writer_appends_segments_after_the_existing_ones()
    {
        var store = new TraceTableStore(_dir.Path);
        AppendSampleRows(store, 0, 1200);
        using (var writer = store.CreateWriter(Packets, SampleRows.Schema, Small))
        {
            SampleRows.Write(writer, 1200, 3000);
            Assert.Equal(3000, writer.RowsWritten);
        }

        var table = store.OpenTable(Packets);
        Assert.Equal([1200L, 2500L, 500L], table.Segments.Select(s => s.Rows));
        Assert.Equal([1, 2, 3], table.Segments.Select(s => s.Number));
        Assert.Equal(4200, store.RowCount(Packets));
        TableVerifier.CheckValues(table, 4200);
    }

    [Fact]
    public void Appending_with_a_different_schema_is_refused()
    {
        var store = new TraceTableStore(_dir.Path);
        AppendSampleRows(store, 0, 10);

        var other = new TableSchema([new ColumnSchema("flag", SqlType.Bool), new ColumnSchema("i2", SqlType.Int4)]);
        var e = Assert.Throws<StorageException>(() => store.CreateWriter(Packets, other));
        Assert.Equal(StorageErrorKind.SchemaMismatch, e.Kind);
        Assert.Contains("tenant1.packets", e.Message);
        // The refused writer released the table: a matching writer can still append.
        AppendSampleRows(store, 10, 5);
        TableVerifier.CheckValues(store.OpenTable(Packets), 15);
    }

    [Fact]
    public void Segments_also_roll_by_bytes()
    {
        var store = new TraceTableStore(_dir.Path);
        var options = new TraceTableWriterOptions { RowsPerBatch = 100, RowsPerSegment = 1_000_000, BytesPerSegment = 20_000 };
        using (var writer = store.CreateWriter(Packets, SampleRows.Schema, options))
            SampleRows.Write(writer, 0, 1000);

        var table = store.OpenTable(Packets);
        Assert.True(table.Segments.Count > 2, $"expected several segments, got {table.Segments.Count}");
        Assert.All(table.Segments.SkipLast(1), s => Assert.True(s.Bytes >= 20_000 && s.Bytes < 40_000, $"{s.File}: {s.Bytes} bytes"));
        TableVerifier.CheckValues(table, 1000);
    }

    [Fact]
    public void An_empty_import_creates_an_empty_table()
    {
        var store = new TraceTableStore(_dir.Path);
        using (store.CreateWriter(Packets, SampleRows.Schema))
        {
        }
        var table = store.OpenTable(Packets);
        Assert.Empty(table.Segments);
        Assert.Equal(0, table.RowCount);
        Assert.Equal(SampleRows.Schema, table.Schema);
    }

    [Fact]
    public void Dispose_drops_an_unfinished_row_and_keeps_the_complete_ones()
    {
        var store = new TraceTableStore(_dir.Path);
        using (var writer = store.CreateWriter(Packets, SampleRows.Schema, Small))
        {
            SampleRows.Write(writer, 0, 7);
            writer.Columns[0].AppendNull();
            writer.GetBuilder<Int16ColumnBuilder>(1).Append(5);
        }
        TableVerifier.CheckValues(store.OpenTable(Packets), 7);
    }
}
