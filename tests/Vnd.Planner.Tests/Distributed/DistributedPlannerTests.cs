using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;
using static Vnd.Planner.Tests.Distributed.CapturePoints;

namespace Vnd.Planner.Tests.Distributed;

/// <summary>The planner's choices for the paper's queries (§3.3.1, §5.3.1) under different table sizes.</summary>
public sealed class DistributedPlannerTests
{
    private const string Delay = "select avg(o.ts - i.ts) from \"in\" i join out o on i.id = o.id";
    private const string Loss = "select count(*) from \"in\" where id not in (select id from out)";

    [Theory]
    [InlineData("select ceil(ts), sum(payload_length) from \"in\" group by ceil(ts)")]
    [InlineData("select ts, id from \"in\" where payload_length > 0 order by ts desc limit 10")]
    [InlineData("select count(*) from out where id not in (select id from out where payload_length = 0)")]
    public void Single_table_queries_run_whole_at_the_table_site(string sql)
    {
        var placement = Place(("in", Packets(1_000_000, 0, 999_999)), ("out", Packets(990_000, 0, 999_999)));
        var plan = new DistributedPlanner(placement).Plan(Optimized(sql));

        Assert.Empty(plan.Exchanges);
        var fragment = Assert.Single(plan.Fragments);
        Assert.Equal(SiteOf(sql.Contains("\"in\"", StringComparison.Ordinal) ? "in" : "out"), fragment.Site);
        Assert.Equal(Optimized(sql), fragment.Plan);
    }

    [Fact]
    public void Throughput_per_second_is_predicted_as_one_row_per_second_of_the_trace()
    {
        // 1M packets over 10 s (timestamps in µs): ceil(ts) has 11 or 12 values, not one per packet.
        var start = 1_700_000_000_000_000L;
        var statistics = new TableSiteStatistics(1_000_000, 64, new Dictionary<string, ColumnSiteStatistics>
        {
            ["ts"] = new(1_000_000, start, start + 10_000_000),
        });
        var plan = new DistributedPlanner(Place(("in", statistics))).Plan(Optimized("select ceil(ts), sum(payload_length) from \"in\" group by ceil(ts)"));

        // Only the answer travels: two 8-byte columns (float8 second, numeric sum) per second.
        Assert.InRange(plan.PredictedBytesMoved, 11 * 16, 12 * 16);

        // Without a range the estimate stays the row count.
        var unknown = new DistributedPlanner(Place(("in", Packets(1_000_000, 0, 999_999)))).Plan(Optimized("select ceil(ts), count(*) from \"in\" group by ceil(ts)"));
        Assert.Equal(1_000_000 * 16, unknown.PredictedBytesMoved, 1);
    }

    [Fact]
    public void Delay_ships_the_small_side_to_the_large_side()
    {
        // One flow's packets leaving (out filtered to 10k rows) against all packets entering: same id range.
        var placement = Place(("in", Packets(1_000_000, 0, 999_999)), ("out", Packets(10_000, 0, 999_999)));
        var plan = new DistributedPlanner(placement).Plan(Optimized(Delay));

        var join = Assert.Single(plan.Joins);
        Assert.Equal(SiteOf("in"), join.Site);
        Assert.Equal(JoinStrategy.ShipRight, join.Strategy);
        var exchange = Assert.Single(plan.Exchanges);
        Assert.Equal((SiteOf("out"), SiteOf("in"), ExchangeKind.Rows), (exchange.From, exchange.To, exchange.Kind));
        Assert.Equal(10_000, exchange.PredictedRows, 1);
        Assert.Equal(10_000 * 16, exchange.PredictedBytes, 1); // ts and id
        Assert.Equal(SiteOf("in"), plan.RootFragment.Site); // the average is computed there too
    }

    [Fact]
    public void Delay_uses_Bloom_filter_reduction_when_few_packets_match_among_many_keys()
    {
        // Both traces are large but only 1% of the packet ids are common (the ranges overlap in 10k ids): a filter of
        // 1M keys (1.2 MB at 1%) is far smaller than the keys themselves (8 MB).
        var placement = Place(("in", Packets(1_000_000, 0, 999_999)), ("out", Packets(1_000_000, 990_000, 1_989_999)));
        var plan = new DistributedPlanner(placement).Plan(Optimized(Delay));

        var join = plan.Joins.Single(j => j.Type == JoinType.Inner);
        Assert.Contains(join.Strategy, (JoinStrategy[])[JoinStrategy.BloomReduceLeft, JoinStrategy.BloomReduceRight]);
        var filter = Assert.Single(plan.Exchanges, e => e.Kind == ExchangeKind.BloomFilter);
        var rows = Assert.Single(plan.Exchanges, e => e.Kind == ExchangeKind.Rows);
        Assert.Equal(filter.To, rows.From);
        var size = BloomFilterSizing.For(1_000_000, 0.01);
        Assert.Equal((9_585_088L, 7), (size.Bits, size.Hashes)); // 9.6 bits per key
        Assert.InRange(filter.PredictedBytes, size.Bytes, size.Bytes + 8 * size.Chunks);
        // The 10k matching rows plus 1% of the 990k others that the filter lets through.
        Assert.InRange(rows.PredictedRows, 19_800, 20_000);
        Assert.True(plan.PredictedBytesMoved < 1_600_000, plan.ToString());
        // The filter is built where the other side is and probed where the reduced side is.
        var build = Assert.IsType<BloomFilterBuild>(plan.Fragment(filter.Producer).Plan);
        Assert.Equal(filter.From, plan.Fragment(filter.Producer).Site);
        Assert.Equal((size.Bits, size.Hashes), (build.Bits, build.Hashes));
        var probe = Assert.IsType<BloomFilterProbe>(plan.Fragment(rows.Producer).Plan);
        Assert.True(probe.Filter is Scan s && ExchangeScan.TryGetProducer(s, out var producer) && producer == filter.Producer);
        var text = DistributedPlanText.Format(plan);
        Assert.Contains("BloomFilter, predicted rows=" + size.Chunks + " bytes=", text, StringComparison.Ordinal);
        Assert.Contains("Bloom Filter Probe: keys=", text, StringComparison.Ordinal);
        Assert.Contains("BloomReduce", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Delay_reduces_by_distinct_keys_when_the_other_side_has_few()
    {
        // Egress saw 1M packets but only 1k distinct ids: 8 kB of keys beat a filter whose 1% false positives
        // would let 10k of the million ingress rows through.
        var placement = Place(("in", Packets(1_000_000, 0, 999_999)), ("out", Packets(1_000_000, 990_000, 1_989_999, 1_000)));
        var plan = new DistributedPlanner(placement).Plan(Optimized(Delay));

        Assert.Equal(JoinStrategy.ReduceLeft, plan.Joins.Single(j => j.Type == JoinType.Inner).Strategy);
        Assert.DoesNotContain(plan.Exchanges, e => e.Kind == ExchangeKind.BloomFilter);
        Assert.Single(plan.Exchanges, e => e.Kind == ExchangeKind.DistinctKeys);
    }

    [Fact]
    public void Semi_joins_are_reduced_by_a_Bloom_filter_too()
    {
        const string sql = "select count(*) from \"in\" where id in (select id from out)";
        var placement = Place(("in", Packets(1_000_000, 0, 999_999)), ("out", Packets(1_000_000, 990_000, 1_989_999)));
        var plan = new DistributedPlanner(placement).Plan(Optimized(sql));

        var join = Assert.Single(plan.Joins);
        Assert.Equal(JoinType.Semi, join.Type);
        Assert.Contains(join.Strategy, (JoinStrategy[])[JoinStrategy.BloomReduceLeft, JoinStrategy.BloomReduceRight]);
        Assert.Single(plan.Exchanges, e => e.Kind == ExchangeKind.BloomFilter);
    }

    [Theory]
    [InlineData("select count(*) from \"in\" where id not in (select id from out)")]
    [InlineData("select count(*) from \"in\" i where not exists (select 1 from out o where o.id = i.id)")]
    public void Anti_joins_are_never_Bloom_reduced(string sql)
    {
        // The setting where Bloom reduction wins for inner and semi joins.
        var placement = Place(("in", Packets(1_000_000, 0, 999_999)), ("out", Packets(1_000_000, 990_000, 1_989_999)));
        var plan = new DistributedPlanner(placement).Plan(Optimized(sql));

        Assert.All(plan.Joins, j => Assert.DoesNotContain("Bloom", j.Strategy.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(plan.Exchanges, e => e.Kind == ExchangeKind.BloomFilter);
    }

    [Fact]
    public void Delay_with_equal_full_overlap_ships_one_side_rather_than_reducing()
    {
        // The maximum delay: avg decomposes into per-site sums (ReconciledAggregatePlannerTests), max does not.
        var placement = Place(("in", Packets(1_000_000, 0, 999_999)), ("out", Packets(990_000, 0, 999_999)));
        var plan = new DistributedPlanner(placement).Plan(Optimized("select max(o.ts - i.ts) from \"in\" i join out o on i.id = o.id"));

        var join = Assert.Single(plan.Joins);
        Assert.Equal(JoinStrategy.ShipRight, join.Strategy); // out is (slightly) smaller
        Assert.Equal(990_000 * 16, Assert.Single(plan.Exchanges).PredictedBytes, 1);
    }

    [Fact]
    public void Loss_ships_only_distinct_keys_when_they_are_fewer_than_either_side()
    {
        // Retransmissions captured at the egress point: 3M rows but 990k distinct ids, against 2M ingress rows.
        var placement = Place(("in", Packets(2_000_000, 0, 999_999)), ("out", Packets(3_000_000, 0, 999_999, 990_000)));
        var plan = new DistributedPlanner(placement).Plan(Optimized(Loss));

        var join = Assert.Single(plan.Joins);
        Assert.Equal((JoinType.NullAwareAnti, JoinStrategy.ShipRightKeys, SiteOf("in")), (join.Type, join.Strategy, join.Site));
        var exchange = Assert.Single(plan.Exchanges);
        Assert.Equal((ExchangeKind.DistinctKeys, 990_000.0), (exchange.Kind, exchange.PredictedRows));
        // The anti join at the ingress site reads the shipped keys, which the egress site de-duplicated.
        var anti = FindJoin(plan.Fragment(exchange.Consumer).Plan);
        Assert.True(anti.Right is Scan s && ExchangeScan.TryGetProducer(s, out var producer) && producer == exchange.Producer);
        Assert.IsType<Distinct>(plan.Fragment(exchange.Producer).Plan);
    }

    [Fact]
    public void Loss_ships_the_small_ingress_trace_to_the_egress_site()
    {
        var placement = Place(("in", Packets(10_000, 0, 999_999)), ("out", Packets(1_000_000, 0, 999_999)));
        var plan = new DistributedPlanner(placement).Plan(Optimized(Loss));

        var join = Assert.Single(plan.Joins);
        Assert.Equal((JoinStrategy.ShipLeft, SiteOf("out")), (join.Strategy, join.Site));
        var exchange = Assert.Single(plan.Exchanges);
        Assert.Equal((SiteOf("in"), SiteOf("out")), (exchange.From, exchange.To));
        Assert.Equal(10_000 * 8, exchange.PredictedBytes, 1); // only the id travels
    }

    [Theory]
    [InlineData("hop_a")]
    [InlineData("hop_b")]
    [InlineData("hop_c")]
    public void Trajectory_over_three_hops_never_moves_the_large_traces(string small)
    {
        // A packet's path a -> b -> c; only 1k packets pass the small hop, the other two saw 1-2M packets.
        const string sql = "select a.ts, b.ts, c.ts from hop_a a join hop_b b on a.id = b.id join hop_c c on b.id = c.id";
        long Rows(string hop, long large) => hop == small ? 1_000 : large;
        var placement = Place(("hop_a", Packets(Rows("hop_a", 2_000_000), 0, 1_999_999)),
            ("hop_b", Packets(Rows("hop_b", 1_000_000), 0, 1_999_999)), ("hop_c", Packets(Rows("hop_c", 1_500_000), 0, 1_999_999)));
        var plan = new DistributedPlanner(placement).Plan(Optimized(sql));

        Assert.Equal(2, plan.Joins.Count(j => j.Type == JoinType.Inner));
        // Only the small hop's 1k rows (ts, id) or a 1k-row join result (timestamps and ids) ever travel.
        Assert.All(plan.Exchanges, e => Assert.True(e.PredictedRows <= 1_000.001 && e.PredictedBytes <= 32_000.1, e.ToString()));
        Assert.True(plan.PredictedBytesMoved < 100_000, plan.ToString());
    }

    [Fact]
    public void Every_exchange_reads_a_fragment_at_its_source_site()
    {
        const string sql = "select count(*) from hop_a a join hop_b b on a.id = b.id join hop_c c on b.id = c.id join hop_d d on c.id = d.id";
        var placement = Place(("hop_a", Packets(500_000, 0, 999_999)), ("hop_b", Packets(20_000, 0, 999_999)),
            ("hop_c", Packets(700_000, 0, 999_999)), ("hop_d", Packets(3_000, 0, 999_999)));
        var plan = new DistributedPlanner(placement).Plan(Optimized(sql));

        Assert.Equal(plan.Fragments.Count - 1, plan.Exchanges.Count);
        foreach (var exchange in plan.Exchanges)
        {
            Assert.Equal(exchange.From, plan.Fragment(exchange.Producer).Site);
            Assert.Equal(exchange.To, plan.Fragment(exchange.Consumer).Site);
            Assert.True(exchange.PredictedRows > 0 && exchange.PredictedBytes >= exchange.PredictedRows);
            var reads = new List<int>();
            PlanWalk.Visit(plan.Fragment(exchange.Consumer).Plan, n =>
            {
                if (n is Scan s && ExchangeScan.TryGetProducer(s, out var p))
                    reads.Add(p);
            });
            Assert.Contains(exchange.Producer, reads);
        }
    }

    [Fact]
    public void An_unplaced_table_is_an_undefined_table_error()
    {
        var placement = Place(("in", Packets(10, 0, 9)));
        var error = Assert.Throws<Vnd.Planner.Errors.SqlException>(() => new DistributedPlanner(placement).Plan(Optimized(Delay)));
        Assert.Equal("42P01", error.SqlState);
        Assert.Contains("public.out", error.Message, StringComparison.Ordinal);
    }
}
