using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Sorting;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

public class SortTests
{
    private static readonly Expression G = Expr.Column(1, SqlType.Int4);
    private static readonly Expression V = Expr.Column(2, SqlType.Int8);
    private static readonly Expression F = Expr.Column(3, SqlType.Float8);
    private static readonly Expression S = Expr.Column(4, SqlType.Text);

    [Fact]
    public void Postgres_default_puts_nulls_last_ascending_and_first_descending()
    {
        var table = InMemoryTable.FromRows([SqlType.Int4], [[2], [null], [1], [3]]);
        var asc = Plans.Run(new SortOperator(Plans.Scan(table), [new SortKey(Expr.Column(0, SqlType.Int4))])).Select(r => r[0]);
        var desc = Plans.Run(new SortOperator(Plans.Scan(table), [new SortKey(Expr.Column(0, SqlType.Int4), Descending: true)])).Select(r => r[0]);
        var nullsFirst = Plans.Run(new SortOperator(Plans.Scan(table), [new SortKey(Expr.Column(0, SqlType.Int4), NullsFirst: true)])).Select(r => r[0]);
        Assert.Equal([1, 2, 3, null], asc);
        Assert.Equal([null, 3, 2, 1], desc);
        Assert.Equal([null, 1, 2, 3], nullsFirst);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, null)]
    [InlineData(2, 25L)]
    public void Multi_key_sort_matches_linq(int parallelism, long? limit)
    {
        var rows = RandomRows.Generate(5000, seed: 21, groups: 6);
        var keys = new[] { new SortKey(G), new SortKey(S, Descending: true), new SortKey(F, NullsFirst: true), new SortKey(V, Descending: true, NullsFirst: false), new SortKey(Expr.Column(0, SqlType.Int8)) };
        var plan = new SortOperator(Plans.Scan(RandomRows.Table(rows)), keys, limit);
        var expected = rows
            .OrderBy(r => r.G is null).ThenBy(r => r.G)
            .ThenBy(r => r.S is not null).ThenByDescending(r => r.S, StringComparer.Ordinal)
            .ThenBy(r => r.F is not null).ThenBy(r => r.F)
            .ThenBy(r => r.V is null).ThenByDescending(r => r.V)
            .ThenBy(r => r.Id)
            .Select(r => Plans.Key([r.Id, r.G, r.V, r.F, r.S]))
            .Take((int)(limit ?? int.MaxValue))
            .ToList();
        Assert.Equal(expected, Plans.Run(plan, parallelism).Select(Plans.Key).ToList());
    }

    [Fact]
    public void Sorts_negative_numbers_doubles_and_numerics_by_value()
    {
        var table = InMemoryTable.FromRows([SqlType.Float8, SqlType.Numeric], [[-1.5, -1.5m], [0.0, 0.25m], [-0.25, -10m], [1e10, 3m], [double.NaN, -1.25m]]);
        var byDouble = Plans.Run(new SortOperator(Plans.Scan(table), [new SortKey(Expr.Column(0, SqlType.Float8))])).Select(r => (double)r[0]!);
        Assert.Equal([-1.5, -0.25, 0.0, 1e10, double.NaN], byDouble);
        var byNumeric = Plans.Run(new SortOperator(Plans.Scan(table), [new SortKey(Expr.Column(1, SqlType.Numeric))])).Select(r => (decimal)r[1]!);
        Assert.Equal([-10m, -1.5m, -1.25m, 0.25m, 3m], byNumeric);
    }

    [Fact]
    public void Top_n_keeps_memory_near_the_limit()
    {
        var rows = RandomRows.Generate(200_000, seed: 2);
        var memory = new Vnd.Executor.Execution.MemoryBudget(64L << 20);
        var plan = new SortOperator(Plans.Scan(RandomRows.Table(rows)), [new SortKey(Expr.Column(0, SqlType.Int8), Descending: true)], 10);
        var top = Plans.Run(plan, 2, memory).Select(r => (long)r[0]!).ToList();
        Assert.Equal(Enumerable.Range(199_990, 10).Reverse().Select(i => (long)i), top);
        Assert.True(memory.Peak < 24L << 20, $"peak {memory.Peak}");
    }
}
