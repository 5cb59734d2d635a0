using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Scans;
using Vnd.Executor.Tests.Storage;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Tests.Scans;

/// <summary>
/// The partitions of a parallel drain claim a scan's record batches from a shared cursor: every row must reach
/// exactly one worker whatever the number of workers and however unevenly they run, a worker that stalls must
/// leave its batches to the others, and a scan opened again in each partition must read everything again.
/// </summary>
public sealed class ScanMorselsTests
{
    // 7,000-row segments of record batches of 5,000 + 2,000 rows; 45,500 rows leave a last segment of 3,500 rows
    // (5,000 would not fit): 14 record batches of three sizes over 7 segments.
    private const int Rows = 45_500;
    private const int RowsPerSegment = 7_000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_parallel_drain_sees_every_row_once(int workers)
    {
        using var data = new TempDataDirectory();
        var source = Positioned(data.Path);
        var scan = new TableScanOperator(source, [3, source.RowPositionColumn]);
        var seen = new int[Rows];
        var perWorker = new int[workers];
        using var context = new QueryContext(parallelism: workers);
        ParallelDrain.Run(context, scan, workers, (w, batch) =>
        {
            // Worker 0 is slow, so the others claim most batches: uneven shares must still cover the table once.
            if (w == 0)
                Thread.Sleep(3);
            foreach (var r in batch.Rows)
            {
                var row = GlobalRow(batch[1].Get<long>(r));
                Interlocked.Increment(ref seen[row]);
                Assert.Equal(SampleRows.Value(3, row), TraceTableBatchSourceTests.Normalise(batch[0], r));
            }
            perWorker[w] += batch.ActiveCount;
        });
        Assert.All(seen, count => Assert.Equal(1, count));
        Assert.Equal(Rows, perWorker.Sum());
    }

    /// <summary>With a fixed split the others stop at their own share and the wait times out: the stalled worker's
    /// batches would wait for it. With a shared cursor the others read every record batch but the one it holds.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void A_stalled_worker_leaves_its_batches_to_the_others(int workers)
    {
        using var data = new TempDataDirectory();
        var source = Positioned(data.Path);
        var scan = new TableScanOperator(source, [source.RowPositionColumn]);
        var othersRows = 0;
        var stalledRows = 0;
        var held = -1;
        var stalled = -1;
        using var rest = new ManualResetEventSlim();
        using var context = new QueryContext(parallelism: workers);
        var waited = true;
        ParallelDrain.Run(context, scan, workers, (w, batch) =>
        {
            if (Interlocked.CompareExchange(ref stalled, w, -1) == -1)
            {
                // The first worker to get a batch stalls on it until the others have read all the other record batches.
                var mine = RecordBatchRows(batch[0].Get<long>(batch.Rows[0]));
                Interlocked.Add(ref stalledRows, batch.ActiveCount);
                Volatile.Write(ref held, mine);
                if (Volatile.Read(ref othersRows) + mine == Rows)
                    rest.Set();
                waited = rest.Wait(TimeSpan.FromSeconds(10));
                return;
            }
            if (w == Volatile.Read(ref stalled))
            {
                // The rest of the record batch it holds (executor batches are at most 2,048 rows).
                Interlocked.Add(ref stalledRows, batch.ActiveCount);
                return;
            }
            var others = Interlocked.Add(ref othersRows, batch.ActiveCount);
            var holding = Volatile.Read(ref held);
            if (holding > 0 && others + holding == Rows)
                rest.Set();
        });
        Assert.True(waited, "the other workers did not read the stalled worker's batches");
        Assert.Equal(held, stalledRows);
        Assert.Equal(Rows, othersRows + stalledRows);
    }

    /// <summary>The rows of the record batch holding <paramref name="position"/>: 5,000 then 2,000 per segment, the
    /// last segment's 3,500 in one.</summary>
    private static int RecordBatchRows(long position)
    {
        var segmentRows = Math.Min(RowsPerSegment, Rows - RowPosition.Segment(position) * RowsPerSegment);
        return RowPosition.Row(position) < 5_000 ? Math.Min(5_000, segmentRows) : segmentRows - 5_000;
    }

    [Fact]
    public void The_kth_opening_of_a_scan_shares_a_cursor_across_partitions_only()
    {
        var morsels = new ScanMorsels(2);
        var scan = new object();
        var first0 = morsels.Open(scan, 0, 2);
        var first1 = morsels.Open(scan, 1, 2);
        var second1 = morsels.Open(scan, 1, 2);
        var second0 = morsels.Open(scan, 0, 2);
        Assert.NotNull(first0);
        Assert.Same(first0, first1);
        Assert.Same(second0, second1);
        Assert.NotSame(first0, second0);
        Assert.NotSame(first0, morsels.Open(new object(), 0, 2));
        // Opened as one partition (below a LIMIT) or with another count, a scan keeps its own order.
        Assert.Null(morsels.Open(scan, 0, 1));
        Assert.Null(morsels.Open(scan, 0, 4));
        Assert.Equal([0L, 1L, 2L], [first0!.Claim(), first1!.Claim(), first0.Claim()]);
    }

    /// <summary>Each partition opens the same scan twice in a row (a union of a table with itself): each opening
    /// reads the whole table once over the partitions, so every row comes twice, no more.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void A_scan_opened_twice_per_partition_reads_the_table_twice(int workers)
    {
        using var data = new TempDataDirectory();
        var source = Positioned(data.Path);
        var scan = new TableScanOperator(source, [source.RowPositionColumn]);
        var seen = new int[Rows];
        using var context = new QueryContext(parallelism: workers);
        ParallelDrain.Run(context, new UnionAllOperator([scan, scan]), workers, (_, batch) =>
        {
            foreach (var r in batch.Rows)
                Interlocked.Increment(ref seen[GlobalRow(batch[0].Get<long>(r))]);
        });
        Assert.All(seen, count => Assert.Equal(2, count));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void An_ordered_gather_with_a_slow_consumer_keeps_capture_order(int workers)
    {
        using var data = new TempDataDirectory();
        var source = Positioned(data.Path);
        using var context = new QueryContext(parallelism: workers);
        using var stream = new GatherOperator(new TableScanOperator(source, [source.RowPositionColumn])).Open(context);
        var rows = new List<long>();
        while (stream.Next() is { } batch)
        {
            foreach (var r in batch.Rows)
                rows.Add(GlobalRow(batch[0].Get<long>(r)));
            if (rows.Count % 3 == 0)
                Thread.Sleep(1);
        }
        Assert.Equal(Enumerable.Range(0, Rows).Select(r => (long)r), rows);
    }

    /// <summary>The test table's scan source with each row's position, by which a row is told from every other.</summary>
    private static TraceTableBatchSource Positioned(string directory) =>
        new TraceTableBatchSource(TraceTableBatchSourceTests.Write(directory, Rows)).WithRowPositions();

    private static int GlobalRow(long position) => RowPosition.Segment(position) * RowsPerSegment + RowPosition.Row(position);
}
