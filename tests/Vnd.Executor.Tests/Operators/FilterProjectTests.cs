using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

public class FilterProjectTests
{
    private static readonly Expression Id = Expr.Column(0, SqlType.Int8);
    private static readonly Expression G = Expr.Column(1, SqlType.Int4);
    private static readonly Expression V = Expr.Column(2, SqlType.Int8);
    private static readonly Expression S = Expr.Column(4, SqlType.Text);

    [Fact]
    public void Filter_keeps_only_true_rows_of_a_hand_table()
    {
        var table = InMemoryTable.FromRows([SqlType.Int4, SqlType.Text], [[1, "a"], [null, "b"], [3, null], [4, "d"]]);
        var plan = new FilterOperator(Plans.Scan(table), Expr.Greater(Expr.Column(0, SqlType.Int4), Expr.Constant(1, SqlType.Int4)));
        Assert.Equal(["3|∅", "4|d"], Plans.Sorted(Plans.Run(plan)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Filter_then_project_matches_linq_over_random_rows(int parallelism)
    {
        var rows = RandomRows.Generate(5000, seed: 7);
        var predicate = Expr.And(Expr.Greater(V, Expr.Constant(100, SqlType.Int4)), Expr.Like(S, Expr.Constant("a%", SqlType.Text)));
        var plan = new ProjectOperator(new FilterOperator(Plans.Scan(RandomRows.Table(rows)), predicate),
            [Id, Expr.Multiply(V, Expr.Constant(2, SqlType.Int4)), Expr.Coalesce(G, Expr.Constant(-1, SqlType.Int4))]);
        var expected = rows.Where(r => r.V > 100 && r.S is not null && r.S.StartsWith('a'))
            .Select(r => new object?[] { r.Id, r.V * 2, r.G ?? -1 });
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(Plans.Run(plan, parallelism)));
    }

    [Fact]
    public void Stacked_filters_narrow_an_existing_selection()
    {
        var rows = RandomRows.Generate(3000, seed: 3);
        var plan = new FilterOperator(new FilterOperator(Plans.Scan(RandomRows.Table(rows)), Expr.IsNotNull(G)),
            Expr.Or(Expr.Less(G, Expr.Constant(3, SqlType.Int4)), Expr.IsNull(V)));
        var expected = rows.Where(r => r.G is not null && (r.G < 3 || r.V is null)).Select(r => new object?[] { r.Id });
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(Plans.Run(new ProjectOperator(plan, [Id]))));
    }

    [Fact]
    public void Limit_and_offset_trim_across_batches()
    {
        var rows = RandomRows.Generate(5000, seed: 1);
        var plan = new LimitOperator(new ProjectOperator(Plans.Scan(RandomRows.Table(rows)), [Id]), 3000, 2040);
        var result = Plans.Run(plan, parallelism: 1).Select(r => (long)r[0]!).ToList();
        Assert.Equal(Enumerable.Range(2040, 2960).Select(i => (long)i), result);
        Assert.Empty(Plans.Run(new LimitOperator(Plans.Scan(RandomRows.Table(rows)), 0)));
    }

    [Fact]
    public void Union_all_concatenates_inputs()
    {
        var a = InMemoryTable.FromRows([SqlType.Int4], [[1], [2]]);
        var b = InMemoryTable.FromRows([SqlType.Int4], [[2], [null]]);
        Assert.Equal(["1", "2", "2", "∅"], Plans.Sorted(Plans.Run(new UnionAllOperator(Plans.Scan(a), Plans.Scan(b)))));
    }
}
