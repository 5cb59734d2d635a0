using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Joins;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

public class JoinTests
{
    private sealed record L(long Id, int? K, int? X);
    private sealed record R(long Id, long? K, int? Y);

    private static (List<L>, List<R>) Data(int seed)
    {
        var random = new Random(seed);
        var left = Enumerable.Range(0, 1500).Select(i => new L(i, random.Next(10) == 0 ? null : random.Next(300), random.Next(100))).ToList();
        var right = Enumerable.Range(0, 1200).Select(i => new R(i, random.Next(10) == 0 ? null : random.Next(250, 600), random.Next(100))).ToList();
        return (left, right);
    }

    private static PhysicalOperator ScanLeft(List<L> rows) =>
        Plans.Scan(InMemoryTable.FromRows([SqlType.Int8, SqlType.Int4, SqlType.Int4], rows.Select(r => new object?[] { r.Id, r.K, r.X })));

    private static PhysicalOperator ScanRight(List<R> rows) =>
        Plans.Scan(InMemoryTable.FromRows([SqlType.Int8, SqlType.Int8, SqlType.Int4], rows.Select(r => new object?[] { r.Id, r.K, r.Y })));

    private static HashJoinOperator Join(List<L> l, List<R> r, JoinType type, Expression? residual = null) =>
        new(ScanLeft(l), ScanRight(r), [Expr.Column(1, SqlType.Int4)], [Expr.Column(1, SqlType.Int8)], type, residual);

    private static readonly object?[] NoLeft = [null, null, null];
    private static readonly object?[] NoRight = [null, null, null];

    private static object?[] Row(L? l, R? r) => [.. l is null ? NoLeft : [l.Id, l.K, l.X], .. r is null ? NoRight : [r.Id, r.K, r.Y]];

    [Theory]
    [InlineData(JoinType.Inner, 1)]
    [InlineData(JoinType.Inner, 2)]
    [InlineData(JoinType.Left, 2)]
    [InlineData(JoinType.Right, 1)]
    [InlineData(JoinType.Right, 2)]
    [InlineData(JoinType.Full, 2)]
    [InlineData(JoinType.Semi, 2)]
    [InlineData(JoinType.Anti, 2)]
    public void Joins_on_int4_equals_int8_match_linq(JoinType type, int parallelism)
    {
        var (left, right) = Data(42);
        var expected = Reference(left, right, type, (_, _) => true);
        var actual = Plans.Run(Join(left, right, type), parallelism);
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(actual));
    }

    [Theory]
    [InlineData(JoinType.Inner)]
    [InlineData(JoinType.Left)]
    [InlineData(JoinType.Full)]
    [InlineData(JoinType.Semi)]
    [InlineData(JoinType.Anti)]
    public void A_residual_predicate_decides_matches(JoinType type)
    {
        var (left, right) = Data(8);
        // probe x < build y: columns 2 (x) and 5 (y) of the joined row.
        var residual = Expr.Less(Expr.Column(2, SqlType.Int4), Expr.Column(5, SqlType.Int4));
        var expected = Reference(left, right, type, (l, r) => l.X < r.Y);
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(Plans.Run(Join(left, right, type, residual))));
    }

    [Fact]
    public void Multi_column_keys_with_mixed_types()
    {
        var a = InMemoryTable.FromRows([SqlType.Int4, SqlType.Text], [[1, "x"], [1, "y"], [2, "x"], [null, "x"]]);
        var b = InMemoryTable.FromRows([SqlType.Int8, SqlType.Text, SqlType.Int4], [[1L, "x", 10], [1L, "x", 11], [2L, "y", 12], [null, "x", 13]]);
        var plan = new HashJoinOperator(Plans.Scan(a), Plans.Scan(b), [Expr.Column(0, SqlType.Int4), Expr.Column(1, SqlType.Text)],
            [Expr.Column(0, SqlType.Int8), Expr.Column(1, SqlType.Text)], JoinType.Inner);
        Assert.Equal(["1|x|1|x|10", "1|x|1|x|11"], Plans.Sorted(Plans.Run(plan)));
    }

    [Fact]
    public void Not_in_is_empty_when_the_subquery_has_a_null()
    {
        var probe = InMemoryTable.FromRows([SqlType.Int4], [[1], [2], [null]]);
        var withNull = InMemoryTable.FromRows([SqlType.Int4], [[1], [null]]);
        var noNull = InMemoryTable.FromRows([SqlType.Int4], [[1]]);
        var empty = InMemoryTable.FromRows([SqlType.Int4], []);
        PhysicalOperator NotIn(InMemoryTable sub) => new HashJoinOperator(Plans.Scan(probe), Plans.Scan(sub),
            [Expr.Column(0, SqlType.Int4)], [Expr.Column(0, SqlType.Int4)], JoinType.NullAwareAnti);
        Assert.Empty(Plans.Run(NotIn(withNull)));
        Assert.Equal(["2"], Plans.Sorted(Plans.Run(NotIn(noNull))));
        Assert.Equal(["1", "2", "∅"], Plans.Sorted(Plans.Run(NotIn(empty))));
    }

    [Fact]
    public void A_key_with_many_matches_spills_over_several_batches()
    {
        var a = InMemoryTable.FromRows([SqlType.Int4], Enumerable.Range(0, 100).Select(_ => new object?[] { 7 }));
        var b = InMemoryTable.FromRows([SqlType.Int4], Enumerable.Range(0, 100).Select(_ => new object?[] { 7 }));
        var plan = new HashJoinOperator(Plans.Scan(a), Plans.Scan(b), [Expr.Column(0, SqlType.Int4)], [Expr.Column(0, SqlType.Int4)], JoinType.Inner);
        Assert.Equal(10_000, Plans.Run(plan).Count);
    }

    private static List<object?[]> Reference(List<L> left, List<R> right, JoinType type, Func<L, R, bool> residual)
    {
        bool Match(L l, R r) => l.K is not null && r.K is not null && l.K == r.K && residual(l, r);
        var pairs = left.SelectMany(l => right.Where(r => Match(l, r)).Select(r => Row(l, r))).ToList();
        var leftUnmatched = left.Where(l => !right.Any(r => Match(l, r))).ToList();
        var rightUnmatched = right.Where(r => !left.Any(l => Match(l, r))).Select(r => Row(null, r));
        return type switch
        {
            JoinType.Inner => pairs,
            JoinType.Left => [.. pairs, .. leftUnmatched.Select(l => Row(l, null))],
            JoinType.Right => [.. pairs, .. rightUnmatched],
            JoinType.Full => [.. pairs, .. leftUnmatched.Select(l => Row(l, null)), .. rightUnmatched],
            JoinType.Semi => left.Where(l => right.Any(r => Match(l, r))).Select(l => new object?[] { l.Id, l.K, l.X }).ToList(),
            _ => leftUnmatched.Select(l => new object?[] { l.Id, l.K, l.X }).ToList(),
        };
    }
}
