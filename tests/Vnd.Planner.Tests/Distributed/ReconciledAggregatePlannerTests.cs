using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using static Vnd.Planner.Tests.Distributed.CapturePoints;

namespace Vnd.Planner.Tests.Distributed;

/// <summary>When the planner decomposes an aggregate over a join across sites into per-site sums by set reconciliation.</summary>
public sealed class ReconciledAggregatePlannerTests
{
    private const string Delay = "select count(*), avg(out.ts - \"in\".ts) from \"in\", out where \"in\".id = out.id";

    private static Placement OnePercentLoss() => Place(("in", Packets(1_000_000, 0, 999_999)), ("out", Packets(990_000, 0, 999_999)));

    [Fact]
    public void The_delay_query_at_one_percent_loss_ships_a_key_table_instead_of_rows()
    {
        var plan = new DistributedPlanner(OnePercentLoss()).Plan(Optimized(Delay));

        var join = Assert.Single(plan.Joins);
        Assert.Equal(JoinStrategy.SetReconciliation, join.Strategy);
        // Out is In minus the loss: Out's table goes to In, which returns (almost) no keys only Out has; the root is at Out.
        Assert.Equal(SiteOf("out"), join.Site);
        var sketch = Assert.Single(plan.Exchanges, e => e.Kind == ExchangeKind.SetSketch && e.PredictedRows > 0);
        Assert.Equal((SiteOf("out"), SiteOf("in")), (sketch.From, sketch.To));
        Assert.Equal(SetSketchSizing.For(10_000).Bytes, sketch.PredictedBytes, 1);
        var build = Assert.IsType<SetSketchBuild>(plan.Fragment(sketch.Producer).Plan);
        Assert.Equal(SetSketchSizing.For(10_000).Cells, build.Cells);
        // The retry and the fallback (In's rows) are planned at zero rows; the summary row comes back.
        Assert.Single(plan.Exchanges, e => e.Kind == ExchangeKind.SetSketch && e.PredictedRows == 0);
        var rows = plan.Exchanges.Where(e => e.Kind == ExchangeKind.Rows).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, e => e.PredictedRows == 0 && e.From == SiteOf("in"));
        var partial = Assert.Single(rows, e => e.PredictedRows > 0);
        var reconciledPartial = Assert.IsType<ReconciledPartial>(plan.Fragment(partial.Producer).Plan);
        Assert.Single(reconciledPartial.Terms);
        var root = Find<ReconciledAggregate>(plan.Fragment(partial.Consumer).Plan);
        Assert.Equal(2, root.Aggregates.Count);
        Assert.Equal([DecomposedKind.CountStar, DecomposedKind.Avg], root.Aggregates.Select(a => a.Kind));
        Assert.Equal([new SignedTerm(true, 0, false), new SignedTerm(false, 0, true)], root.Aggregates[1].Terms);
        Assert.IsType<Aggregate>(root.Fallback);
        Assert.True(plan.PredictedBytesMoved < 600_000, plan.ToString()); // Out's rows would be 15.8 MB
        var text = DistributedPlanText.Format(plan);
        Assert.Contains("Reconciled Aggregate: key=", text, StringComparison.Ordinal);
        Assert.Contains("Reconciled Partial: key=", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Integer_sums_of_terms_from_both_sides_decompose()
    {
        var plan = new DistributedPlanner(OnePercentLoss()).Plan(Optimized(
            "select sum(\"in\".payload_length + out.payload_length), avg(out.payload_length), count(\"in\".payload_length), sum(out.ts - \"in\".ts) from \"in\" join out on \"in\".id = out.id"));
        Assert.Equal(JoinStrategy.SetReconciliation, Assert.Single(plan.Joins).Strategy);
    }

    [Fact]
    public void Key_sets_that_differ_by_half_ship_rows_instead()
    {
        var placement = Place(("in", Packets(1_000_000, 0, 999_999)), ("out", Packets(500_000, 0, 999_999)));
        var plan = new DistributedPlanner(placement).Plan(Optimized(Delay));
        Assert.NotEqual(JoinStrategy.SetReconciliation, Assert.Single(plan.Joins).Strategy);
        Assert.DoesNotContain(plan.Exchanges, e => e.Kind == ExchangeKind.SetSketch);
    }

    public static TheoryData<string> NotDecomposable => new()
    {
        "select min(out.ts - \"in\".ts) from \"in\", out where \"in\".id = out.id",
        "select max(out.payload_length) from \"in\", out where \"in\".id = out.id",
        "select count(distinct out.payload_length) from \"in\", out where \"in\".id = out.id",
        "select sum(out.payload_length * \"in\".payload_length) from \"in\", out where \"in\".id = out.id",
        "select sum(out.payload_length) filter (where \"in\".payload_length > 5) from \"in\", out where \"in\".id = out.id",
        "select \"in\".payload_length, count(*) from \"in\", out where \"in\".id = out.id group by \"in\".payload_length",
        "select count(*) from \"in\", out where \"in\".id = out.id and \"in\".ts < out.ts",
        "select avg(out.ts - \"in\".ts) from \"in\" left join out on \"in\".id = out.id",
    };

    [Theory]
    [MemberData(nameof(NotDecomposable))]
    public void Aggregates_that_do_not_decompose_keep_the_join_strategies(string sql)
    {
        foreach (var choice in (JoinStrategyChoice[])[JoinStrategyChoice.Auto, JoinStrategyChoice.SetReconciliation])
        {
            var plan = new DistributedPlanner(OnePercentLoss(), null, choice).Plan(Optimized(sql));
            Assert.DoesNotContain(plan.Fragments, f => Contains<ReconciledAggregate>(f.Plan));
        }
    }

    [Fact]
    public void Forcing_set_reconciliation_uses_it_even_when_rows_are_cheaper_and_forcing_another_family_keeps_it_out()
    {
        var placement = Place(("in", Packets(1_000_000, 0, 999_999)), ("out", Packets(500_000, 0, 999_999)));
        var forced = new DistributedPlanner(placement, null, JoinStrategyChoice.SetReconciliation).Plan(Optimized(Delay));
        Assert.Equal(JoinStrategy.SetReconciliation, Assert.Single(forced.Joins).Strategy);
        var shipped = new DistributedPlanner(OnePercentLoss(), null, JoinStrategyChoice.ShipSmaller).Plan(Optimized(Delay));
        Assert.Equal(JoinStrategy.ShipRight, Assert.Single(shipped.Joins).Strategy);
    }

    [Fact]
    public void Reconciled_nodes_round_trip_through_the_codec()
    {
        var plan = new DistributedPlanner(OnePercentLoss()).Plan(Optimized(Delay));
        foreach (var fragment in plan.Fragments)
        {
            var decoded = FragmentCodec.Decode(FragmentCodec.Encode(new FragmentTicket(fragment.Site, fragment.Plan, []))).Plan;
            Assert.Equal(Vnd.Planner.Explain.PlanText.Format(fragment.Plan), Vnd.Planner.Explain.PlanText.Format(decoded));
        }
    }

    [Fact]
    public void A_local_term_index_beyond_the_terms_is_refused()
    {
        var plan = new DistributedPlanner(OnePercentLoss()).Plan(Optimized(Delay));
        var fragment = plan.Fragments.Single(f => Contains<ReconciledAggregate>(f.Plan));
        var damaged = PlanRewrite(fragment.Plan);
        var encoded = FragmentCodec.Encode(new FragmentTicket(fragment.Site, damaged, []));
        Assert.Equal("08P01", Assert.Throws<FragmentFormatException>(() => FragmentCodec.Decode(encoded)).SqlState);
    }

    private static LogicalPlan PlanRewrite(LogicalPlan plan) => plan switch
    {
        ReconciledAggregate r => r with
        {
            Aggregates = SqlList.From(r.Aggregates.Select(a => a with { Terms = SqlList.From(a.Terms.Select(t => t with { Local = true, Index = 7 })) })),
        },
        _ => plan.WithInputs(SqlList.From(plan.Inputs.Select(PlanRewrite))),
    };

    private static bool Contains<T>(LogicalPlan plan) where T : LogicalPlan
    {
        var found = false;
        PlanWalk.Visit(plan, node => found |= node is T);
        return found;
    }

    private static T Find<T>(LogicalPlan plan) where T : LogicalPlan
    {
        T? found = null;
        PlanWalk.Visit(plan, node => found ??= node as T);
        return found ?? throw new InvalidOperationException($"no {typeof(T).Name} in {plan}");
    }
}
