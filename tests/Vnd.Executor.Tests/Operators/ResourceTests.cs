using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Executor.Operators.Joins;
using Vnd.Executor.Operators.Sorting;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

public class ResourceTests
{
    private static InMemoryTable Constant(int rows) =>
        InMemoryTable.FromRows([SqlType.Int4, SqlType.Text], Enumerable.Range(0, rows).Select(i => new object?[] { 1, $"row {i}" }));

    [Fact]
    public void A_cross_join_blowup_fails_with_53200_not_an_out_of_memory_exception()
    {
        // 3,000 x 3,000 rows on one key: 9M joined rows, materialised by the sort above.
        var join = new HashJoinOperator(Plans.Scan(Constant(3000)), Plans.Scan(Constant(3000)),
            [Expr.Column(0, SqlType.Int4)], [Expr.Column(0, SqlType.Int4)], JoinType.Inner);
        var sort = new SortOperator(join, [new SortKey(Expr.Column(1, SqlType.Text))]);
        var memory = new MemoryBudget(32L << 20);
        var e = Assert.Throws<ExecutionException>(() => Plans.Run(sort, 2, memory));
        Assert.Equal("53200", e.SqlState);
        Assert.StartsWith("out of memory", e.Message);
        Assert.True(memory.Peak <= memory.Limit);
    }

    [Fact]
    public void Memory_is_given_back_when_the_query_ends()
    {
        var memory = new MemoryBudget(256L << 20);
        var plan = new HashAggregateOperator(Plans.Scan(Constant(50_000)), [Expr.Column(1, SqlType.Text)], [AggregateCall.CountStar()]);
        Assert.Equal(50_000, Plans.Run(plan, 2, memory).Count);
        Assert.True(memory.Peak > 0);
        Assert.Equal(0, memory.Used);
    }

    [Fact]
    public void A_cancelled_query_stops_with_57014()
    {
        using var cancel = new CancellationTokenSource();
        var table = Constant(10_000);
        var plan = new FilterOperator(Plans.Scan(table), Expr.Equal(Expr.Column(0, SqlType.Int4), Expr.Constant(1, SqlType.Int4)));
        using var context = new QueryContext(cancel.Token, parallelism: 1);
        using var stream = plan.Open(context);
        Assert.NotNull(stream.Next());
        cancel.Cancel();
        Assert.Equal("57014", Assert.Throws<ExecutionException>(() => stream.Next()).SqlState);
    }

    [Fact]
    public void Cancellation_reaches_parallel_workers_of_a_breaker()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var plan = new HashAggregateOperator(Plans.Scan(Constant(10_000)), [Expr.Column(1, SqlType.Text)], [AggregateCall.CountStar()]);
        Assert.Equal("57014", Assert.Throws<ExecutionException>(() => Plans.Run(plan, 2, cancel: cancel.Token)).SqlState);
        var gathered = new GatherOperator(Plans.Scan(Constant(10_000)));
        Assert.Equal("57014", Assert.Throws<ExecutionException>(() => Plans.Run(gathered, 2, cancel: cancel.Token)).SqlState);
    }

    [Fact]
    public void Filter_and_project_over_a_million_rows_allocate_per_batch_not_per_row()
    {
        var table = new InMemoryTable([SqlType.Int8, SqlType.Float8, SqlType.Text]);
        for (var i = 0; i < 1_000_000; i++)
            table.AppendRow((long)i, i * 0.5, (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var plan = new ProjectOperator(
            new FilterOperator(Plans.Scan(table), Expr.And(
                Expr.Greater(Expr.Column(0, SqlType.Int8), Expr.Constant(10, SqlType.Int4)),
                Expr.NotEqual(Expr.Column(2, SqlType.Text), Expr.Constant("3", SqlType.Text)))),
            [Expr.Add(Expr.Column(0, SqlType.Int8), Expr.Constant(1, SqlType.Int4)), Expr.Function("ceil", Expr.Column(1, SqlType.Float8)), Expr.Column(2, SqlType.Text)]);
        using var context = new QueryContext(parallelism: 1);
        using var stream = plan.Open(context);
        stream.Next();
        long rows = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        while (stream.Next() is { } batch)
            rows += batch.ActiveCount;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(rows > 800_000);
        // ~490 batches: a few hundred bytes per batch at most, nothing proportional to the rows.
        Assert.True(allocated < 490 * 512, $"allocated {allocated} bytes for {rows} rows");
    }
}
