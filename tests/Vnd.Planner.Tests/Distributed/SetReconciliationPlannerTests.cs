using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using static Vnd.Planner.Tests.Distributed.CapturePoints;

namespace Vnd.Planner.Tests.Distributed;

/// <summary>When the planner reconciles key sets for the paper's loss query instead of shipping keys or rows.</summary>
public sealed class SetReconciliationPlannerTests
{
    public static TheoryData<string> LossQueries => new()
    {
        "select count(*) from \"in\" where id not in (select id from out)",
        "select count(*) from \"in\" i where not exists (select 1 from out o where o.id = i.id)",
    };

    [Theory]
    [MemberData(nameof(LossQueries))]
    public void Loss_of_one_percent_ships_a_table_sized_for_the_lost_packets(string sql)
    {
        // Out is In minus 1% lost packets: 10k differing ids among 1M.
        var placement = Place(("in", Packets(1_000_000, 0, 999_999)), ("out", Packets(990_000, 0, 999_999)));
        var plan = new DistributedPlanner(placement).Plan(Optimized(sql));

        var join = Assert.Single(plan.Joins);
        Assert.Equal((JoinStrategy.SetReconciliation, SiteOf("in")), (join.Strategy, join.Site));
        var size = SetSketchSizing.For(10_000);
        Assert.Equal(15_030, size.Cells);
        var sketch = Assert.Single(plan.Exchanges, e => e.Kind == ExchangeKind.SetSketch && e.PredictedRows > 0);
        Assert.Equal((SiteOf("out"), SiteOf("in")), (sketch.From, sketch.To));
        Assert.Equal(size.Bytes, sketch.PredictedBytes, 1);
        // The retry (twice the cells) and the fallback keys are planned but predicted to move nothing: they are read
        // only if peeling fails.
        var retry = Assert.Single(plan.Exchanges, e => e.Kind == ExchangeKind.SetSketch && e.PredictedRows == 0);
        var fallback = Assert.Single(plan.Exchanges, e => e.Kind == ExchangeKind.DistinctKeys);
        Assert.Equal((0.0, 0.0), (retry.PredictedBytes, fallback.PredictedBytes));
        Assert.Equal(2 * size.Cells, Assert.IsType<SetSketchBuild>(plan.Fragment(retry.Producer).Plan).Cells);
        Assert.True(plan.PredictedBytesMoved < 500_000, plan.ToString()); // keys alone would be 7.9 MB
        var build = Assert.IsType<SetSketchBuild>(plan.Fragment(sketch.Producer).Plan);
        Assert.Equal(size.Cells, build.Cells);
        var difference = Find<SetDifferenceJoin>(plan.Fragment(sketch.Consumer).Plan);
        Assert.Contains(difference.Type, (JoinType[])[JoinType.Anti, JoinType.NullAwareAnti]);
        Assert.True(difference.Sketch is Scan s && ExchangeScan.TryGetProducer(s, out var producer) && producer == sketch.Producer);
        Assert.True(difference.Retry is Scan r && ExchangeScan.TryGetProducer(r, out var again) && again == retry.Producer);
        Assert.True(difference.Fallback is Scan f && ExchangeScan.TryGetProducer(f, out var other) && other == fallback.Producer);
        var text = DistributedPlanText.Format(plan);
        Assert.Contains("Set Sketch Build: key=", text, StringComparison.Ordinal);
        Assert.Contains("SetReconciliation", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LossQueries))]
    public void Key_sets_that_differ_by_half_ship_keys_instead(string sql)
    {
        // 500k differing ids: 1.5 cells of 32 bytes each cost far more than Out's 500k keys of 8 bytes.
        var placement = Place(("in", Packets(1_000_000, 0, 999_999)), ("out", Packets(500_000, 0, 999_999)));
        var plan = new DistributedPlanner(placement).Plan(Optimized(sql));

        Assert.NotEqual(JoinStrategy.SetReconciliation, Assert.Single(plan.Joins).Strategy);
        Assert.DoesNotContain(plan.Exchanges, e => e.Kind == ExchangeKind.SetSketch);
    }

    [Fact]
    public void Duplicate_keys_make_every_key_a_possible_difference()
    {
        var placement = Place(("in", Packets(2_000_000, 0, 999_999, 1_000_000)), ("out", Packets(1_980_000, 0, 999_999, 990_000)));
        // Ingress and egress each saw most packets twice: a key's counts may differ on either side for any key.
        var plan = new DistributedPlanner(placement).Plan(Optimized("select count(*) from \"in\" where id not in (select id from out)"));
        Assert.NotEqual(JoinStrategy.SetReconciliation, Assert.Single(plan.Joins).Strategy);
    }

    [Fact]
    public void Forcing_set_reconciliation_uses_it_even_when_keys_are_cheaper()
    {
        var placement = Place(("in", Packets(1_000_000, 0, 999_999)), ("out", Packets(500_000, 0, 999_999)));
        var plan = new DistributedPlanner(placement, null, JoinStrategyChoice.SetReconciliation)
            .Plan(Optimized("select count(*) from \"in\" where id not in (select id from out)"));

        Assert.Equal(JoinStrategy.SetReconciliation, Assert.Single(plan.Joins).Strategy);
        Assert.True(JoinStrategyChoices.TryParse("set_reconciliation", out var choice));
        Assert.Equal(JoinStrategyChoice.SetReconciliation, choice);
        Assert.Equal("set_reconciliation", JoinStrategyChoices.Name(choice));
    }

    [Theory]
    [InlineData(0, 30)]
    [InlineData(1, 33)]
    [InlineData(100_000, 150_030)]
    public void Tables_have_one_and_a_half_cells_per_difference_plus_slack_in_three_subtables(double differences, int cells)
    {
        var size = SetSketchSizing.For(differences);
        Assert.Equal(cells, size.Cells);
        Assert.Equal(0, size.Cells % 3);
        Assert.Equal(cells * 32.0 + SetSketchSizing.HeaderBytes, size.Bytes);
    }

    [Fact]
    public void Set_reconciliation_nodes_round_trip_and_impossible_sizes_are_refused()
    {
        var scan = Optimized("select id, ts from out");
        var offset = new PlanColumn(new ColumnId(9001), "offset", Vnd.Planner.Types.SqlType.Int8);
        var chunk = new PlanColumn(new ColumnId(9002), "chunk", Vnd.Planner.Types.SqlType.Bytea);
        var key = new PlanColumn(new ColumnId(9003), "key0", Vnd.Planner.Types.SqlType.Int8);
        LogicalPlan Build(int cells) => new SetSketchBuild(scan, BoundColumn.Of(scan.Output[0]), cells, offset, chunk);
        LogicalPlan Join(JoinType type, int cells) => new SetDifferenceJoin(type, scan, ExchangeScan.Create(3, [offset, chunk]),
            ExchangeScan.Create(5, [offset, chunk]), ExchangeScan.Create(4, [key]), BoundColumn.Of(scan.Output[0]), cells);
        foreach (var plan in (LogicalPlan[])[Build(300), Join(JoinType.Anti, 300), Join(JoinType.NullAwareAnti, 3), Join(JoinType.Semi, 30)])
        {
            var decoded = FragmentCodec.Decode(FragmentCodec.Encode(new FragmentTicket(SiteOf("out"), plan, []))).Plan;
            Assert.Equal(plan.ToString(), decoded.ToString());
        }
        // Both sites allocate the table before reading it: sizes beyond the bounds never get that far.
        foreach (var plan in (LogicalPlan[])[Build(0), Build(31), Build(SetSketchBuild.MaxCells + 3), Join(JoinType.Inner, 30)])
        {
            var encoded = FragmentCodec.Encode(new FragmentTicket(SiteOf("out"), plan, []));
            Assert.Equal("08P01", Assert.Throws<FragmentFormatException>(() => FragmentCodec.Decode(encoded)).SqlState);
        }
    }

    private static T Find<T>(LogicalPlan plan) where T : LogicalPlan
    {
        T? found = null;
        PlanWalk.Visit(plan, node => found ??= node as T);
        return found ?? throw new InvalidOperationException($"no {typeof(T).Name} in {plan}");
    }
}
