using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Joins;
using Vnd.Executor.Operators.SetReconciliation;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators.SetReconciliation;

/// <summary>
/// The reconciled semi/anti join returns the hash join's rows for every join type, with NULL and duplicate keys on
/// either side, empty sides, int4 against int8 keys, a table too small to peel whose double does (the retry is read),
/// and tables too small twice over (the fallback keys are read).
/// </summary>
public sealed class SetDifferenceJoinTests
{
    /// <summary>In: ids 0..n-1 with every 13th NULL, every 5th id twice.</summary>
    private static PhysicalOperator Ingress(int rows) => Plans.Scan(InMemoryTable.FromRows([SqlType.Int4, SqlType.Text],
        Enumerable.Range(0, rows).SelectMany(i => Enumerable.Repeat(new object?[] { i % 13 == 0 ? null : i, "row " + i }, i % 5 == 0 ? 2 : 1))));

    /// <summary>
    /// Out: In's ids minus every <paramref name="lossEvery"/>th, duplicated as in In (every 5th twice) except every
    /// 97th, which is there three times (a count that differs), some NULL if asked, plus ids In never had.
    /// </summary>
    private static PhysicalOperator Egress(int rows, int lossEvery, bool nulls) => Plans.Scan(InMemoryTable.FromRows([SqlType.Int8],
        Enumerable.Range(0, rows).Where(i => i % lossEvery != 0)
            .SelectMany(i => Enumerable.Repeat(new object?[] { nulls && i % 101 == 0 ? null : (long)i }, i % 97 == 0 ? 3 : i % 5 == 0 ? 2 : 1))
            .Concat(Enumerable.Range(1, 20).Select(i => new object?[] { -(long)i }))));

    /// <summary>What the planner ships as the fallback: DISTINCT over the key column.</summary>
    private static PhysicalOperator DistinctKeys(PhysicalOperator egress) =>
        new Vnd.Executor.Operators.Aggregates.HashAggregateOperator(egress, [Expr.Column(0, SqlType.Int8)], []);

    public static TheoryData<JoinType, bool> Types => new()
    {
        { JoinType.Anti, false }, { JoinType.Anti, true }, { JoinType.NullAwareAnti, false }, { JoinType.NullAwareAnti, true },
        { JoinType.Semi, false }, { JoinType.Semi, true },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public void Rows_are_the_hash_joins_when_the_difference_peels(JoinType type, bool nulls) =>
        AssertSameRows(type, Ingress(20_000), () => Egress(20_000, 100, nulls), cells: 3_000, fallbackRead: false);

    [Theory]
    [MemberData(nameof(Types))]
    public void Rows_are_the_hash_joins_when_the_table_is_too_small_to_peel(JoinType type, bool nulls) =>
        AssertSameRows(type, Ingress(20_000), () => Egress(20_000, 10, nulls), cells: 30, fallbackRead: true);

    [Theory]
    [MemberData(nameof(Types))]
    public void Rows_are_the_hash_joins_when_only_the_doubled_table_peels(JoinType type, bool nulls) =>
        // ~2,200 differing keys (In's NULLs, the lost, the recounted, Out's extras): 2,100 cells do not peel them,
        // 4,200 do; the keys are never read.
        AssertSameRows(type, Ingress(20_000), () => Egress(20_000, 50, nulls), cells: 2_100, fallbackRead: false, retried: true);

    [Theory]
    [InlineData(JoinType.Anti)]
    [InlineData(JoinType.NullAwareAnti)]
    [InlineData(JoinType.Semi)]
    public void Empty_sides_give_the_hash_joins_rows(JoinType type)
    {
        var empty = () => Plans.Scan(InMemoryTable.FromRows([SqlType.Int8], []));
        AssertSameRows(type, Ingress(1_000), empty, cells: 30, fallbackRead: null);
        AssertSameRows(type, Plans.Scan(InMemoryTable.FromRows([SqlType.Int4, SqlType.Text], [])), () => Egress(1_000, 10, true), cells: 30, fallbackRead: null);
    }

    [Fact]
    public void The_fallback_keys_are_reserved_against_the_query_budget()
    {
        // 18,000 fallback keys at ~24 bytes each do not fit in 100 kB: the query fails instead of growing past it.
        var egress = () => Egress(20_000, 10, nulls: false);
        // Scanned rather than aggregated, so the only large reservation is the one under test.
        var keys = Plans.Scan(InMemoryTable.FromRows([SqlType.Int8],
            Enumerable.Range(0, 20_000).Where(i => i % 10 != 0).Select(i => new object?[] { (long)i })));
        var reconciled = new SetDifferenceJoinOperator(Ingress(20_000), new SetSketchBuildOperator(egress(), Expr.Column(0, SqlType.Int8), 30),
            new SetSketchBuildOperator(egress(), Expr.Column(0, SqlType.Int8), 60), keys, Expr.Column(0, SqlType.Int4), JoinType.Anti, 30);

        Assert.ThrowsAny<Exception>(() => Plans.Run(reconciled, parallelism: 1, memory: new Execution.MemoryBudget(100_000)));
        var budget = Execution.MemoryBudget.Unlimited();
        Assert.NotEmpty(Plans.Run(reconciled, parallelism: 1, memory: budget));
        Assert.Equal(0, budget.Used); // released with the query's shared state
    }

    private static void AssertSameRows(JoinType type, PhysicalOperator ingress, Func<PhysicalOperator> egress, int cells, bool? fallbackRead,
        bool retried = false)
    {
        var sketch = new SetSketchBuildOperator(egress(), Expr.Column(0, SqlType.Int8), cells);
        var retry = new SetSketchBuildOperator(egress(), Expr.Column(0, SqlType.Int8), 2 * cells);
        // A retry or fallback that must not be read fails the query if it is.
        var fallback = fallbackRead == false ? new Unreadable() : DistinctKeys(egress());
        var reconciled = new SetDifferenceJoinOperator(ingress, sketch, fallbackRead == false && !retried ? new Unreadable() : retry, fallback,
            Expr.Column(0, SqlType.Int4), type, cells);
        var exact = new HashJoinOperator(ingress, egress(), [Expr.Column(0, SqlType.Int4)], [Expr.Column(0, SqlType.Int8)], type);

        var expected = Plans.Sorted(Plans.Run(exact));
        Assert.Equal(expected, Plans.Sorted(Plans.Run(reconciled, parallelism: 1)));
        Assert.Equal(expected, Plans.Sorted(Plans.Run(reconciled, parallelism: 2)));
    }

    private sealed class Unreadable : PhysicalOperator
    {
        public override IReadOnlyList<SqlType> OutputTypes { get; } = [SqlType.Int8];

        public override IReadOnlyList<PhysicalOperator> Children => [];

        public override OperatorStream Open(Execution.QueryContext context, int partition, int partitionCount) =>
            throw new InvalidOperationException("the fallback keys were read although the difference peeled");
    }
}
