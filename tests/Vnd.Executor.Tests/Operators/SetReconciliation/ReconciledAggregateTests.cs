using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Executor.Operators.Joins;
using Vnd.Executor.Operators.SetReconciliation;
using Vnd.Planner.Logical;
using Expr = Vnd.Executor.Expressions.Expr;
using JoinType = Vnd.Executor.Operators.Joins.JoinType;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators.SetReconciliation;

/// <summary>
/// The decomposed aggregate over a reconciled inner join (the one-hop delay: count(*), avg(out.ts − in.ts), plus
/// integer sums) returns exactly the hash join + hash aggregate's row — read from the sums when every check passes,
/// with the fallback never touched, and from the fallback when keys repeat on either side, a matched term is NULL or
/// below the microsecond, a difference may reach a day, or the table does not peel even at twice the cells.
/// </summary>
public sealed class ReconciledAggregateTests
{
    private const long Start = 1_700_000_000_000_000; // µs since the epoch

    /// <summary>(ts, id, len) rows of In: ids 0..n-1 spaced 1 ms apart.</summary>
    private static List<object?[]> Ingress(int rows) =>
        Enumerable.Range(0, rows).Select(i => new object?[] { Start + (i * 1000L), (long)i, 60 + (i % 1400) }).ToList();

    /// <summary>Out: In's rows except every <paramref name="lossEvery"/>th, 20–50 µs later, plus ids In never had.</summary>
    private static List<object?[]> Egress(List<object?[]> ingress, int lossEvery, int extras = 5) =>
        ingress.Where(r => (long)r[1]! % lossEvery != 0)
            .Select(r => new object?[] { (long)r[0]! + 20 + ((long)r[1]! * 7 % 31), r[1], r[2] })
            .Concat(Enumerable.Range(1, extras).Select(i => new object?[] { Start + (i * 333L), -(long)i, 100 }))
            .ToList();

    private static readonly SqlType[] Types = [SqlType.Timestamp, SqlType.Int8, SqlType.Int4];

    private static PhysicalOperator Scan(List<object?[]> rows, SqlType? ts = null) =>
        Plans.Scan(InMemoryTable.FromRows([ts ?? SqlType.Timestamp, SqlType.Int8, SqlType.Int4], rows));

    private static PlanColumn Column(int id, SqlType type) => new(new ColumnId(id), "c" + id, type);

    /// <summary>count(*), avg(out.ts − in.ts), sum(out.ts − in.ts), sum(in.len + out.len), avg(out.len), count(in.len).</summary>
    private static readonly DecomposedAggregate[] Aggregates =
    [
        new(Column(1, SqlType.Int8), DecomposedKind.CountStar, long.MaxValue, []),
        new(Column(2, SqlType.Interval), DecomposedKind.Avg, 86_399_999_999, [new(false, 0, false), new(true, 0, true)]),
        new(Column(3, SqlType.Interval), DecomposedKind.Sum, 86_399_999_999, [new(false, 0, false), new(true, 0, true)]),
        new(Column(4, SqlType.Int8), DecomposedKind.Sum, int.MaxValue, [new(true, 1, false), new(false, 1, false)]),
        new(Column(5, SqlType.Numeric), DecomposedKind.Avg, int.MaxValue, [new(false, 1, false)]),
        new(Column(6, SqlType.Int8), DecomposedKind.Count, int.MaxValue, [new(true, 1, false)]),
    ];

    /// <summary>The same aggregates over the hash join of In (columns 0-2) and Out (3-5).</summary>
    private static PhysicalOperator Exact(PhysicalOperator ingress, PhysicalOperator egress)
    {
        var ts = ingress.OutputTypes[0];
        var join = new HashJoinOperator(ingress, egress, [Expr.Column(1, SqlType.Int8)], [Expr.Column(1, SqlType.Int8)], JoinType.Inner);
        var delay = Expr.Subtract(Expr.Column(3, ts), Expr.Column(0, ts));
        return new HashAggregateOperator(join, [],
        [
            new AggregateCall(AggregateKind.CountStar),
            new AggregateCall(AggregateKind.Avg, delay),
            new AggregateCall(AggregateKind.Sum, delay),
            new AggregateCall(AggregateKind.Sum, Expr.Add(Expr.Column(2, SqlType.Int4), Expr.Column(5, SqlType.Int4))),
            new AggregateCall(AggregateKind.Avg, Expr.Column(5, SqlType.Int4)),
            new AggregateCall(AggregateKind.Count, Expr.Column(2, SqlType.Int4)),
        ]);
    }

    [Fact]
    public void One_percent_loss_is_answered_from_the_sums_without_the_fallback() =>
        AssertExact(Ingress(20_000), Egress(Ingress(20_000), 100), cells: 330, fallbackRead: false);

    [Fact]
    public void Out_only_keys_and_an_empty_match_are_exact()
    {
        AssertExact(Ingress(2_000), Egress(Ingress(2_000), 3, extras: 40), cells: 1_200, fallbackRead: false);
        // Nothing matches: counts 0, sums and averages NULL.
        AssertExact(Ingress(100), Ingress(100).Select(r => new object?[] { r[0], (long)r[1]! + 1_000, r[2] }).ToList(), cells: 600, fallbackRead: false);
    }

    [Fact]
    public void Only_the_doubled_table_peels_and_the_fallback_stays_unread() =>
        // 400 lost + 5 extra keys: 300 cells do not peel, 600 do.
        AssertExact(Ingress(20_000), Egress(Ingress(20_000), 50), cells: 300, fallbackRead: false, retried: true);

    [Fact]
    public void A_table_too_small_twice_over_falls_back() =>
        AssertExact(Ingress(20_000), Egress(Ingress(20_000), 10), cells: 30, fallbackRead: true);

    [Fact]
    public void A_duplicate_id_at_either_site_falls_back()
    {
        var ingress = Ingress(5_000);
        var egress = Egress(ingress, 100);
        AssertExact(ingress, [.. egress, egress[10]], cells: 330, fallbackRead: true);
        AssertExact([.. ingress, ingress[10]], egress, cells: 330, fallbackRead: true);
        // Both sides repeating the same id: the key sets still reconcile, only the uniqueness check notices.
        AssertExact([.. ingress, ingress[20]], [.. egress, egress[19]], cells: 330, fallbackRead: true);
    }

    [Fact]
    public void A_null_term_in_a_matched_row_falls_back_and_in_a_lost_row_does_not()
    {
        var ingress = Ingress(5_000);
        var egress = Egress(ingress, 100);
        var nullOut = egress.Select((r, i) => i == 7 ? new object?[] { null, r[1], r[2] } : r).ToList();
        AssertExact(ingress, nullOut, cells: 330, fallbackRead: true);
        var nullLen = ingress.Select((r, i) => i == 9 ? new object?[] { r[0], r[1], null } : r).ToList();
        AssertExact(nullLen, egress, cells: 330, fallbackRead: true);
        // Id 100 is lost: its NULL ts never reaches an aggregate. NULL keys join nothing and are not counted.
        var nullLost = ingress.Select((r, i) => i == 100 ? new object?[] { null, r[1], r[2] } : i == 5 ? new object?[] { r[0], null, r[2] } : r).ToList();
        AssertExact(nullLost, egress, cells: 330, fallbackRead: false);
    }

    [Fact]
    public void A_difference_that_may_reach_a_day_falls_back()
    {
        var ingress = Ingress(2_000);
        var egress = Egress(ingress, 100);
        egress[3] = [(long)egress[3][0]! + 86_400_000_000L, egress[3][1], egress[3][2]];
        AssertExact(ingress, egress, cells: 330, fallbackRead: true);
    }

    [Fact]
    public void Nanosecond_timestamps_are_summed_only_when_they_are_whole_microseconds()
    {
        var whole = Ingress(2_000).Select(r => new object?[] { (long)r[0]! * 1000, r[1], r[2] }).ToList();
        var wholeOut = Egress(Ingress(2_000), 100).Select(r => new object?[] { (long)r[0]! * 1000, r[1], r[2] }).ToList();
        AssertExact(whole, wholeOut, cells: 330, fallbackRead: false, ts: SqlType.TimestampTzNanos);
        // A difference of 20.5 µs floors per row: the sums cannot reproduce that.
        var fine = wholeOut.Select(r => new object?[] { (long)r[0]! + 500, r[1], r[2] }).ToList();
        AssertExact(whole, fine, cells: 330, fallbackRead: true, ts: SqlType.TimestampTzNanos);
    }

    [Fact]
    public void A_damaged_summary_is_a_protocol_violation()
    {
        var ingress = Scan(Ingress(10));
        var garbage = Plans.Scan(InMemoryTable.FromRows([SqlType.Int8, SqlType.Bytea], [[null, new byte[] { 9, 9, 9 }]]));
        var root = new ReconciledAggregateOperator(ingress, garbage, Exact(Scan(Ingress(10)), Scan(Ingress(10))), Expr.Column(1, SqlType.Int8),
            [Expr.Column(0, SqlType.Timestamp), Expr.Column(2, SqlType.Int4)], Aggregates);
        Assert.Equal("08P01", Assert.ThrowsAny<ExecutionException>(() => Plans.Run(root)).SqlState);
    }

    [Fact]
    public void The_uniqueness_check_is_reserved_against_the_query_budget()
    {
        // 20,000 ids collected for the check (a rented array of at least 64k longs, 512 kB) do not fit in 200 kB.
        var ingress = Ingress(20_000);
        var egress = Egress(ingress, 100);
        var key = Expr.Column(1, SqlType.Int8);
        Expression[] terms = [Expr.Column(0, SqlType.Timestamp), Expr.Column(2, SqlType.Int4)];
        var partial = new ReconciledPartialOperator(Scan(egress), new SetSketchBuildOperator(Scan(ingress), key, 330),
            new SetSketchBuildOperator(Scan(ingress), key, 660), key, terms, 330);
        var root = new ReconciledAggregateOperator(Scan(ingress), partial, Exact(Scan(ingress), Scan(egress)), key, terms, Aggregates);

        Assert.ThrowsAny<Exception>(() => Plans.Run(root, parallelism: 1, memory: new Execution.MemoryBudget(200_000)));
        var budget = Execution.MemoryBudget.Unlimited();
        Assert.Single(Plans.Run(root, parallelism: 1, memory: budget));
        Assert.Equal(0, budget.Used);
    }

    private static void AssertExact(List<object?[]> ingress, List<object?[]> egress, int cells, bool fallbackRead, bool retried = false,
        SqlType? ts = null)
    {
        ts ??= SqlType.Timestamp;
        PhysicalOperator In() => Scan(ingress, ts);
        PhysicalOperator Out() => Scan(egress, ts);
        var key = Expr.Column(1, SqlType.Int8);
        var sketch = new SetSketchBuildOperator(In(), key, cells);
        PhysicalOperator retry = fallbackRead || retried ? new SetSketchBuildOperator(In(), key, 2 * cells) : new Unreadable([SqlType.Int8, SqlType.Bytea]);
        var partial = new ReconciledPartialOperator(Out(), sketch, retry, key, [Expr.Column(0, ts), Expr.Column(2, SqlType.Int4)], cells);
        var exact = Exact(In(), Out());
        var root = new ReconciledAggregateOperator(In(), partial, fallbackRead ? exact : new Unreadable(exact.OutputTypes), key,
            [Expr.Column(0, ts), Expr.Column(2, SqlType.Int4)], Aggregates);

        var expected = Plans.Sorted(Plans.Run(Exact(In(), Out())));
        Assert.Equal(expected, Plans.Sorted(Plans.Run(root, parallelism: 1)));
        Assert.Equal(expected, Plans.Sorted(Plans.Run(root, parallelism: 2)));
    }

    private sealed class Unreadable(IReadOnlyList<SqlType> types) : PhysicalOperator
    {
        public override IReadOnlyList<SqlType> OutputTypes => types;

        public override IReadOnlyList<PhysicalOperator> Children => [];

        public override OperatorStream Open(Execution.QueryContext context, int partition, int partitionCount) =>
            throw new InvalidOperationException("read although the sums should have answered");
    }
}
