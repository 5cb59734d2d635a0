using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Tests.Operators;

/// <summary>generate_series' operator: full batches, arguments evaluated once, PostgreSQL's edge cases.</summary>
public sealed class SeriesOperatorTests
{
    private static SeriesOperator Series(SqlType type, object? start, object? stop, object? step)
    {
        var row = new InMemoryTable([]);
        row.AppendRow();
        Expression[] arguments = [Expr.Constant(start, type), Expr.Constant(stop, type), Expr.Constant(step, type)];
        return new SeriesOperator(new ProjectOperator(new TableScanOperator(row), arguments, ["start", "stop", "step"]), type);
    }

    [Fact]
    public void Fills_whole_batches_then_the_rest()
    {
        using var context = new QueryContext(CancellationToken.None, null, 1);
        using var stream = Series(SqlType.Int8, 1L, 5000L, 1L).Open(context);
        var sizes = new List<int>();
        long expected = 1;
        while (stream.Next() is { } batch)
        {
            sizes.Add(batch.Count);
            foreach (var r in batch.Rows)
                Assert.Equal(expected++, batch[0].Get<long>(r));
        }
        Assert.Equal([2048, 2048, 904], sizes);
    }

    [Fact]
    public void Only_partition_zero_produces_rows() =>
        Assert.Equal(3, Plans.Run(Series(SqlType.Int4, 1, 3, 1), parallelism: 4).Count);

    [Theory]
    [InlineData(5, 1, -2, new[] { 5, 3, 1 })]
    [InlineData(1, 1, 5, new[] { 1 })]
    [InlineData(2, 1, 1, new int[0])]
    [InlineData(int.MaxValue - 1, int.MaxValue, 1, new[] { int.MaxValue - 1, int.MaxValue })]
    public void Int4_values(int start, int stop, int step, int[] expected) =>
        Assert.Equal(expected.Select(v => (object?)v), Plans.Run(Series(SqlType.Int4, start, stop, step)).Select(r => r[0]));

    [Fact]
    public void A_null_argument_gives_no_rows() => Assert.Empty(Plans.Run(Series(SqlType.Int4, 1, null, 1)));

    [Fact]
    public void A_zero_step_is_22023() =>
        Assert.Equal(SqlState.InvalidParameterValue, Assert.Throws<ExecutionException>(() => Plans.Run(Series(SqlType.Int4, 1, 2, 0))).SqlState);
}
