using Vnd.Executor.Remote;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Executor.Storage.Sketches;
using Vnd.Planner.Distributed;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Storage.Sketches;

/// <summary>Distinct-count sketches as the writer persists them per segment and the table server reports them.</summary>
public sealed class DistinctSketchStorageTests : IDisposable
{
    private static readonly TableSchema Schema = new([
        new ColumnSchema("id", SqlType.Int8), new ColumnSchema("proto", SqlType.Int2),
        new ColumnSchema("host", SqlType.Text), new ColumnSchema("src", SqlType.Inet), new ColumnSchema("ok", SqlType.Bool),
        new ColumnSchema("rtt", SqlType.Float8)]);

    private static readonly TableRef Table = new("s", "packets");
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Rows whose id is <c>first + i / copies</c>: each id appears <paramref name="copies"/> times.</summary>
    private void Write(long first, int rows, int copies = 1)
    {
        var store = new TraceTableStore(_dir.Path);
        using var writer = store.CreateWriter(Table, Schema, new TraceTableWriterOptions { RowsPerBatch = 4096, RowsPerSegment = 50_000 });
        var (id, proto, host, src) = (writer.GetBuilder<Int64ColumnBuilder>(0), writer.GetBuilder<Int16ColumnBuilder>(1),
            writer.GetBuilder<TextColumnBuilder>(2), writer.GetBuilder<InetColumnBuilder>(3));
        var (ok, rtt) = (writer.GetBuilder<BoolColumnBuilder>(4), writer.GetBuilder<Float64ColumnBuilder>(5));
        for (var i = 0; i < rows; i++)
        {
            var value = first + i / copies;
            id.Append(value);
            proto.Append((short)(value % 3 == 0 ? 6 : 17));
            host.Append("host-" + (value % 1000));
            src.Append([10, 0, (byte)(value >> 8), (byte)value]);
            ok.Append(value % 2 == 0);
            if (value % 10 == 0)
                rtt.AppendNull();
            else
                rtt.Append(value % 500 * 0.5);
            writer.EndRow();
        }
    }

    private TraceTable Open() => new TraceTableStore(_dir.Path).OpenTable(Table);

    private static void AssertNear(long truth, long? estimate, double tolerance) =>
        Assert.True(estimate is { } e && Math.Abs(e - truth) <= truth * tolerance, $"estimate {estimate} for {truth}");

    [Fact]
    public void Every_column_type_gets_an_estimate_that_survives_reopening()
    {
        Write(0, 120_000, copies: 2); // 60k ids, three segments
        var table = Open();
        Assert.Equal(3, table.Segments.Count);
        // One sketch per column for the whole table; the segments keep none, so the manifest does not grow with them.
        Assert.Equal(table.Schema.Count, table.Manifest.DistinctSketches!.Count);
        Assert.All(table.Manifest.DistinctSketches, Assert.NotNull);
        Assert.All(table.Segments, s => Assert.All(s.Columns, c => Assert.Null(c.DistinctSketch)));

        AssertNear(60_000, DistinctCountEstimate.Of(table, 0), 0.04);
        Assert.Equal(2, DistinctCountEstimate.Of(table, 1));
        AssertNear(1_000, DistinctCountEstimate.Of(table, 2), 0.02);
        AssertNear(60_000 % 65_536, DistinctCountEstimate.Of(table, 3), 0.04); // two address bytes: 60k distinct
        Assert.Equal(2, DistinctCountEstimate.Of(table, 4));
        AssertNear(450, DistinctCountEstimate.Of(table, 5), 0.02); // multiples of 10 are NULL and not counted
    }

    [Fact]
    public void Appended_segments_merge_with_the_existing_ones()
    {
        Write(0, 80_000);
        Write(40_000, 80_000); // ids 40k..120k: overlaps the first import by half
        AssertNear(120_000, DistinctCountEstimate.Of(Open(), 0), 0.04);
    }

    [Fact]
    public void The_table_server_reports_the_estimate_and_the_planner_reads_it()
    {
        Write(1_000, 100_000, copies: 4);
        var placement = FlightStatistics.Placement(FlightStatistics.Describe(Open(), null), new Site("vm1-in"));
        var id = placement.Statistics.Column("id")!;
        AssertNear(25_000, id.DistinctCount, 0.04);
        Assert.Equal((1_000L, 25_999L), (id.Min, id.Max));
        Assert.Equal(2, placement.Statistics.Column("proto")!.DistinctCount);
    }

    [Fact]
    public void Segments_written_before_sketches_existed_give_no_estimate_but_stay_readable()
    {
        Write(0, 60_000);
        ManifestEdits.StripSketches(Open().Directory);
        Write(60_000, 60_000); // a new import appends sketched segments to the old ones

        var table = Open();
        Assert.Null(table.Manifest.DistinctSketches);
        Assert.Null(DistinctCountEstimate.Of(table, 0)); // the new segments alone would undercount
        var placement = FlightStatistics.Placement(FlightStatistics.Describe(table, null), new Site("vm1-in"));
        Assert.Null(placement.Statistics.Column("id")!.DistinctCount);
        Assert.Equal(120_000, placement.Statistics.Rows);
        long rows = 0;
        foreach (var batch in new TraceTableStore(_dir.Path).OpenReader(Table).ReadBatches())
        {
            rows += batch.Length;
            batch.Dispose();
        }
        Assert.Equal(120_000, rows);
    }

    [Fact]
    public void Manifests_that_kept_a_sketch_per_segment_are_still_read()
    {
        Write(0, 60_000);
        var expected = DistinctCountEstimate.Of(Open(), 0);
        // The first sketch format: each segment's column statistics carried its own sketch, the manifest none.
        // Every segment gets the table's sketch here: the union of equal sketches is that sketch.
        ManifestEdits.EditRoot(Open().Directory, manifest =>
        {
            var sketches = manifest["distinctSketches"]!.AsArray();
            foreach (var segment in manifest["segments"]!.AsArray())
            {
                var columns = segment!["columns"]!.AsArray();
                for (var c = 0; c < columns.Count; c++)
                    columns[c]!["distinctSketch"] = sketches[c]!.GetValue<string>();
            }
            manifest.Remove("distinctSketches");
        });

        var table = Open();
        Assert.Null(table.Manifest.DistinctSketches);
        Assert.NotNull(expected);
        Assert.Equal(expected, DistinctCountEstimate.Of(table, 0));
    }

    [Fact]
    public void A_damaged_sketch_is_treated_as_absent()
    {
        Write(0, 10_000);
        ManifestEdits.SetTableSketch(Open().Directory, 0, [2, 12, 1, 2, 3]);
        Assert.Null(DistinctCountEstimate.Of(Open(), 0));
    }
}
