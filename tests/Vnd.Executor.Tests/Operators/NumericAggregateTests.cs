using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

/// <summary>sum/avg over numeric: exact results, overflow as 22003, and a column in the wrong layout as XX000
/// rather than reinterpreted bytes (the garbage averages the diagnosis queries once returned).</summary>
public class NumericAggregateTests
{
    private static readonly Expression Key = Expr.Column(0, SqlType.Int4);
    private static readonly Expression Value = Expr.Column(1, SqlType.Numeric);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Grouped_avg_of_epoch_delays_is_exact(int parallelism)
    {
        var table = InMemoryTable.FromRows([SqlType.Int4, SqlType.Numeric],
            [[1, 0.0035m], [2, 0.001m], [1, 0.0025m], [2, 0.002m], [1, 1709294401.026m]]);
        var plan = new HashAggregateOperator(Plans.Scan(table), [Key], [new(AggregateKind.Avg, Value), new(AggregateKind.Sum, Value)]);
        var rows = Plans.Run(plan, parallelism, declared: plan.OutputTypes).OrderBy(r => (int)r[0]!).ToList();
        Assert.Equal((1709294401.026m + 0.006m) / 3, rows[0][1]);
        Assert.Equal(0.0015m, rows[1][1]);
        Assert.Equal(0.003m, rows[1][2]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_numeric_sum_beyond_decimal_range_is_22003(int parallelism)
    {
        var table = InMemoryTable.FromRows([SqlType.Int4, SqlType.Numeric], [[1, decimal.MaxValue], [1, decimal.MaxValue]]);
        var plan = new HashAggregateOperator(Plans.Scan(table), [Key], [new(AggregateKind.Avg, Value)]);
        var error = Assert.Throws<ExecutionException>(() => Plans.Run(plan, parallelism));
        Assert.Equal("22003", error.SqlState);
    }

    [Fact]
    public void A_float8_column_read_as_numeric_is_an_internal_error_not_garbage()
    {
        var table = InMemoryTable.FromRows([SqlType.Int4, SqlType.Float8], [[1, 0.0025], [1, 0.0035]]);
        var plan = new HashAggregateOperator(Plans.Scan(table), [Key], [new(AggregateKind.Avg, Value)]);
        var error = Assert.Throws<ExecutionException>(() => Plans.Run(plan));
        Assert.Equal("XX000", error.SqlState);
        Assert.Contains("Float64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_slt_reader_rejects_a_vector_whose_layout_differs_from_the_declared_type()
    {
        var table = InMemoryTable.FromRows([SqlType.Float8], [[0.5]]);
        var error = Assert.Throws<SqlException>(() => Plans.Run(Plans.Scan(table), declared: [SqlType.Numeric]));
        Assert.Equal("XX000", error.SqlState);
    }
}
