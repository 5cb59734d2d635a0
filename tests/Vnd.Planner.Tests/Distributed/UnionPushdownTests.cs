using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;
using static Vnd.Planner.Tests.Distributed.CapturePoints;

namespace Vnd.Planner.Tests.Distributed;

/// <summary>
/// Operators over a UNION ALL of traces at different capture points run in the branches, at the table servers:
/// aggregates as partial + final, top-N as a top-N per branch, projections; only their results cross the network.
/// </summary>
public sealed class UnionPushdownTests
{
    private static readonly Placement TwoSites = Place(("in", WithHosts(1_000_000)), ("out", WithHosts(990_000)));

    /// <summary>A packet trace between 20 hosts (the HyperLogLog estimate a table server reports for src_ip).</summary>
    private static TableSiteStatistics WithHosts(long rows) =>
        new(rows, 64, new Dictionary<string, ColumnSiteStatistics> { ["id"] = new(rows, 0, rows - 1), ["ts"] = new(rows), ["src_ip"] = new(20) });

    private static List<Aggregate> Aggregates(LogicalPlan plan)
    {
        var found = new List<Aggregate>();
        PlanWalk.Visit(plan, node =>
        {
            if (node is Aggregate aggregate)
                found.Add(aggregate);
        });
        return found;
    }

    [Fact]
    public void An_aggregate_over_two_sites_ships_one_partial_row_per_group_and_site()
    {
        const string sql = "select src_ip, count(*), sum(payload_length), avg(seq), min(ts), max(ts) from " +
                           "(select * from \"in\" union all select * from out) u group by src_ip";
        var plan = new DistributedPlanner(TwoSites).Plan(Optimized(sql));

        var aggregates = plan.Fragments.SelectMany(f => Aggregates(f.Plan)).ToList();
        Assert.Equal(3, aggregates.Count);
        var partials = aggregates.Where(a => a.Input is not SetOperationPlan).ToList();
        Assert.Equal(2, partials.Count);
        // count, sum, avg as sum and count, min, max.
        Assert.All(partials, p => Assert.Equal(["count", "sum", "sum", "count", "min", "max"], p.Aggregates.Select(a => a.Call.Name)));
        // Each exchange carries partial groups (20 hosts), not packets.
        Assert.All(plan.Exchanges, e => Assert.True(e.PredictedRows <= 20, e.ToString()));
        Assert.Equal(Optimized(sql).Output.Select(c => (c.Id, c.Type)), plan.RootFragment.Plan.Output.Select(c => (c.Id, c.Type)));
    }

    [Theory]
    [InlineData("select count(distinct src_ip) from (select * from \"in\" union all select * from out) u")]
    [InlineData("select percentile_cont(0.5) within group (order by seq) from (select * from \"in\" union all select * from out) u")]
    public void Aggregates_that_do_not_split_stay_above_the_union(string sql)
    {
        var plan = new DistributedPlanner(TwoSites).Plan(Optimized(sql));
        Assert.Single(plan.Fragments.SelectMany(f => Aggregates(f.Plan)));
    }

    [Fact]
    public void A_top_n_over_two_sites_keeps_n_rows_per_site()
    {
        const string sql = "select ts, id from (select ts, id from \"in\" union all select ts, id from out) u order by ts desc limit 10";
        var plan = new DistributedPlanner(TwoSites).Plan(Optimized(sql));

        Assert.NotEmpty(plan.Exchanges);
        Assert.All(plan.Exchanges, e => Assert.True(e.PredictedRows <= 10, e.ToString()));
    }

    [Fact]
    public void A_union_within_one_site_is_left_alone()
    {
        const string sql = "select src_ip, count(*) from (select * from \"in\" union all select * from \"in\" where seq > 5) u group by src_ip";
        var plan = new DistributedPlanner(TwoSites).Plan(Optimized(sql));
        var fragment = Assert.Single(plan.Fragments);
        Assert.Equal(Optimized(sql), fragment.Plan);
    }
}
