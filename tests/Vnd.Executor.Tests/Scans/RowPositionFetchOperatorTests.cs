using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Scans;
using Vnd.Executor.Storage;
using Vnd.Executor.Tests.Storage;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Scans;

/// <summary>
/// Reading a trace table's columns by row position: 20,000 sample rows (every column type, a different NULL
/// pattern per column) in three segments of 7,000 rows, each of two record batches (5,000 + 2,000).
/// </summary>
public sealed class RowPositionFetchOperatorTests : IDisposable
{
    private static readonly int[] AllColumns = Enumerable.Range(0, SampleRows.Schema.Count).ToArray();
    private readonly TempDataDirectory _data = new();
    private readonly TraceTableBatchSource _source;

    public RowPositionFetchOperatorTests() => _source = new TraceTableBatchSource(TraceTableBatchSourceTests.Write(_data.Path)).WithRowPositions();

    public void Dispose() => _data.Dispose();

    /// <summary>Rows around every record-batch and segment boundary, in scan order and backwards.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_column_of_rows_across_record_batches_and_segments_reads_back_with_its_nulls(bool backwards)
    {
        long[] rows = [0, 1, 11, 4_999, 5_000, 6_999, 7_000, 7_001, 11_999, 12_000, 13_999, 14_000, 18_999, 19_000, 19_999];
        if (backwards)
            System.Array.Reverse(rows);
        var fetched = Run(Fetch(Positions(rows), AllColumns));

        Assert.Equal(rows, fetched.Select(r => r.Row));
        foreach (var (row, values) in fetched)
        {
            for (var c = 0; c < AllColumns.Length; c++)
                Assert.Equal(SampleRows.Value(c, row), values[c]);
        }
        Assert.Contains(fetched, r => r.Values.Any(v => v is null));
    }

    /// <summary>A partitioned scan's positions (each partition a stride of record batches) fetch their own rows, and
    /// a column the input already carries is passed through rather than read again.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Positions_from_a_partitioned_scan_fetch_their_own_rows(int partitions)
    {
        var scan = new TableScanOperator(_source, [3, _source.RowPositionColumn]);
        int[] input = [-1, -1, -1, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1];
        var fetch = new RowPositionFetchOperator(scan, 1, _source, input, AllColumns);
        using var context = new QueryContext(parallelism: partitions);
        using var stream = new GatherOperator(fetch).Open(context);
        var row = 0L;
        while (stream.Next() is { } batch)
        {
            foreach (var r in batch.Rows)
            {
                for (var c = 0; c < AllColumns.Length; c++)
                    Assert.Equal(SampleRows.Value(c, row), TraceTableBatchSourceTests.Normalise(batch[c], r));
                row++;
            }
        }
        Assert.Equal(20_000, row);
    }

    [Fact]
    public void No_positions_fetch_nothing()
    {
        Assert.Empty(Run(Fetch(Positions([]), AllColumns)));
    }

    [Fact]
    public void The_output_batch_counts_against_the_query_memory_limit()
    {
        var fetch = Fetch(Positions([1, 2]), AllColumns);
        var memory = new MemoryBudget(10_000);
        using var context = new QueryContext(memory: memory);

        var error = Assert.Throws<ExecutionException>(() => fetch.Open(context));

        Assert.Equal(SqlState.OutOfMemory, error.SqlState);
        Assert.Equal(0, memory.Used);
        var roomy = new MemoryBudget(1 << 24);
        using (var stream = fetch.Open(new QueryContext(memory: roomy)))
            Assert.True(roomy.Used > 0);
        Assert.Equal(0, roomy.Used);
    }

    [Fact]
    public void A_cancelled_query_stops_fetching()
    {
        using var cancel = new CancellationTokenSource();
        using var context = new QueryContext(cancel.Token);
        using var stream = Fetch(Positions([1, 2, 3]), AllColumns).Open(context);
        cancel.Cancel();

        var error = Assert.Throws<ExecutionException>(() => stream.Next());

        Assert.Equal(SqlState.QueryCanceled, error.SqlState);
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(0, 7_000)]
    public void A_position_outside_the_snapshot_is_a_storage_error(int segment, long row)
    {
        var input = new InMemoryTable([SqlType.Int8]);
        input.AppendRow(RowPosition.Of(segment, row));

        var error = Assert.Throws<StorageException>(() => Run(Fetch(new TableScanOperator(input), AllColumns)));

        Assert.Equal(StorageErrorKind.Corrupt, error.Kind);
    }

    private TableScanOperator Positions(IEnumerable<long> rows)
    {
        var table = new InMemoryTable([SqlType.Int8]);
        foreach (var row in rows)
            table.AppendRow(RowPosition.Of((int)(row / 7_000), row % 7_000));
        return new TableScanOperator(table);
    }

    private RowPositionFetchOperator Fetch(PhysicalOperator positions, int[] columns) =>
        new(positions, 0, _source, columns.Select(_ => -1).ToArray(), columns);

    /// <summary>Each output row with the table row its position names (input column 0 of the same batch).</summary>
    private static List<(long Row, object?[] Values)> Run(RowPositionFetchOperator fetch)
    {
        var rows = new List<(long, object?[])>();
        using var context = new QueryContext();
        using var stream = fetch.Open(context);
        while (stream.Next() is { } batch)
        {
            foreach (var r in batch.Rows)
                rows.Add((Row(batch, r), AllColumns.Select(c => TraceTableBatchSourceTests.Normalise(batch[c], r)).ToArray()));
        }
        return rows;
    }

    /// <summary>The table row of an output row, recovered from its i8 value (row * 1,000,003 - 7) or, when that is
    /// NULL, from its i4 value (row * 13 - 50,000; never NULL together with i8).</summary>
    private static long Row(Batch batch, int r) => batch[3].IsNull(r)
        ? (batch[2].Get<int>(r) + 50_000L) / 13
        : (batch[3].Get<long>(r) + 7) / 1_000_003;
}
