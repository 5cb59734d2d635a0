using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Joins;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

/// <summary>
/// The exchange under a streaming root: its partitions run on several threads, the ordered form returns rows in
/// the order one partition would, and a LIMIT, an error in one worker or a cancellation stops all of them.
/// </summary>
public sealed class GatherTests
{
    /// <summary>Rows 0..n-1 in column 0 (int8) with a text column, in batches of <see cref="Batch.Capacity"/>.</summary>
    private static InMemoryTable Numbers(int rows)
    {
        var table = new InMemoryTable([SqlType.Int8, SqlType.Text]);
        for (var i = 0; i < rows; i++)
            table.AppendRow((long)i, "row " + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return table;
    }

    private static FilterOperator Where(PhysicalOperator input, Expression predicate) => new(input, predicate);

    private static Expression Id => Expr.Column(0, SqlType.Int8);

    [Fact]
    public void The_pipeline_under_a_gather_runs_in_every_partition_on_its_own_thread()
    {
        var source = new ThreadRecordingSource(Numbers(40 * Batch.Capacity));
        var plan = new GatherOperator(Where(new TableScanOperator(source), Expr.Greater(Id, Expr.Constant(-1L, SqlType.Int8))));

        Assert.Equal(40 * Batch.Capacity, Plans.Run(plan, parallelism: 2).Count);

        Assert.Equal([0, 1], source.Partitions.Order());
        Assert.Equal(2, source.Threads.Distinct().Count());
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, source.Threads);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Ordered_gather_returns_the_rows_of_one_partition_in_the_same_order(int workers)
    {
        // A filter that keeps uneven runs, and a join probe (inner with duplicate matches, then anti) above it.
        var table = Numbers(57 * Batch.Capacity + 123);
        var build = InMemoryTable.FromRows([SqlType.Int8], Enumerable.Range(0, 5000).Select(i => new object?[] { (long)(i % 2500 * 7) }));
        PhysicalOperator Pipeline() =>
            new HashJoinOperator(Where(Plans.Scan(table), Expr.NotEqual(Expr.Function("mod", Id, Expr.Constant(5L, SqlType.Int8)), Expr.Constant(0L, SqlType.Int8))),
                Plans.Scan(build), [Id], [Expr.Column(0, SqlType.Int8)], JoinType.Inner);
        PhysicalOperator Anti() =>
            new HashJoinOperator(Plans.Scan(table), Plans.Scan(build), [Id], [Expr.Column(0, SqlType.Int8)], JoinType.Anti);

        foreach (var make in new Func<PhysicalOperator>[] { Pipeline, Anti })
        {
            var serial = Plans.Run(make(), parallelism: 1).Select(Plans.Key).ToList();
            var gathered = Plans.Run(new GatherOperator(make(), ordered: true, workers), parallelism: workers).Select(Plans.Key).ToList();
            Assert.NotEmpty(serial);
            Assert.Equal(serial, gathered);
        }
    }

    [Fact]
    public void Unordered_gather_returns_the_same_rows()
    {
        var table = Numbers(30 * Batch.Capacity);
        var serial = Plans.Sorted(Plans.Run(Plans.Scan(table), parallelism: 1));
        Assert.Equal(serial, Plans.Sorted(Plans.Run(new GatherOperator(Plans.Scan(table), ordered: false), parallelism: 2)));
    }

    [Fact]
    public void A_batch_handed_out_is_not_overwritten_before_the_next_call()
    {
        var table = Numbers(60 * Batch.Capacity);
        using var context = new QueryContext(parallelism: 2);
        using var stream = new GatherOperator(Plans.Scan(table)).Open(context);
        long expected = 0;
        while (stream.Next() is { } batch)
        {
            var first = batch[0].Get<long>(batch.Rows[0]);
            Thread.Sleep(1); // the workers keep producing meanwhile
            Assert.Equal(first, batch[0].Get<long>(batch.Rows[0]));
            foreach (var row in batch.Rows)
                Assert.Equal(expected++, batch[0].Get<long>(row));
        }
        Assert.Equal(60 * Batch.Capacity, expected);
    }

    [Fact]
    public async Task A_limit_reached_stops_the_workers_of_an_endless_scan()
    {
        // Only the first batch matches, so without being stopped the workers would scan forever (the wait times out).
        var source = new EndlessSource();
        var plan = new LimitOperator(new GatherOperator(Where(new TableScanOperator(source), Expr.Less(Id, Expr.Constant(10L, SqlType.Int8)))), 3);

        var rows = await Task.Run(() => Plans.Run(plan, parallelism: 2)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([0L, 1L, 2L], rows.Select(r => (long)r[0]!));
        Assert.Equal(0, source.OpenReaders);
    }

    [Fact]
    public async Task An_error_in_one_worker_surfaces_as_the_typed_error_and_stops_the_others()
    {
        // 1 / (id - bad) fails on one row of the second batch, which the second partition reads.
        var source = new EndlessSource();
        var bad = Batch.Capacity + 5L;
        var failing = Expr.Greater(Expr.Divide(Expr.Constant(1L, SqlType.Int8), Expr.Subtract(Id, Expr.Constant(bad, SqlType.Int8))), Expr.Constant(-5L, SqlType.Int8));
        var plan = new GatherOperator(Where(new TableScanOperator(source), failing));

        var error = await Assert.ThrowsAsync<ExecutionException>(() => Task.Run(() => Plans.Run(plan, parallelism: 2)).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal("22012", error.SqlState);
        Assert.Equal(0, source.OpenReaders);
    }

    [Fact]
    public void Cancelling_the_query_stops_a_running_gather_with_57014()
    {
        using var cancel = new CancellationTokenSource();
        var source = new EndlessSource();
        using var context = new QueryContext(cancel.Token, parallelism: 2);

        Assert.Equal("57014", CancelRunningGather(context, cancel, source).SqlState);
        Assert.Equal(0, source.OpenReaders);
    }

    /// <summary>Opens a gather over <paramref name="source"/>, reads a batch, cancels, and returns what the next
    /// reads threw (the stream is disposed).</summary>
    internal static ExecutionException CancelRunningGather(QueryContext context, CancellationTokenSource cancel, EndlessSource source)
    {
        using var stream = new GatherOperator(new TableScanOperator(source)).Open(context);
        Assert.NotNull(stream.Next());
        cancel.Cancel();
        return Assert.Throws<ExecutionException>(() =>
        {
            while (stream.Next() is not null)
            {
            }
        });
    }

    [Fact]
    public void The_exchange_buffers_are_reserved_and_given_back()
    {
        var memory = new MemoryBudget(64L << 20);
        Assert.Equal(20 * Batch.Capacity, Plans.Run(new GatherOperator(Plans.Scan(Numbers(20 * Batch.Capacity))), 2, memory).Count);
        Assert.True(memory.Peak > 0);
        Assert.Equal(0, memory.Used);

        var tiny = new MemoryBudget(1024);
        Assert.Equal("53200", Assert.Throws<ExecutionException>(() => Plans.Run(new GatherOperator(Plans.Scan(Numbers(100))), 2, tiny)).SqlState);
    }

    /// <summary>An in-memory table that records which partitions were opened, on which threads.</summary>
    private sealed class ThreadRecordingSource(InMemoryTable table) : IBatchSource
    {
        public System.Collections.Concurrent.ConcurrentBag<int> Partitions { get; } = [];

        public System.Collections.Concurrent.ConcurrentBag<int> Threads { get; } = [];

        public IReadOnlyList<SqlType> Types => table.Types;

        public IReadOnlyList<string> Names => table.Names;

        public IBatchReader Open(IReadOnlyList<int> columns, int partition, int partitionCount, QueryContext context)
        {
            Partitions.Add(partition);
            Threads.Add(Environment.CurrentManagedThreadId);
            return table.Open(columns, partition, partitionCount, context);
        }
    }
}
