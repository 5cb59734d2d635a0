using System.Globalization;
using Vnd.Capture.Synthetic.Demo;
using Xunit.Abstractions;

namespace Vnd.Engine.Tests.Demo;

/// <summary>
/// The paper's bottleneck diagnosis (§5.1.1) run as plain SQL over the seeded demo: after client2 joins, the delay
/// between B and C rises and packets are lost between B and C only — the IDS is the bottleneck, not the RE.
/// </summary>
public sealed class DemoQueryTests(SeededDemo demo, ITestOutputHelper output) : IClassFixture<SeededDemo>
{
    private static readonly ChainScenarioOptions Scenario = new();
    private static readonly double JoinSecond = (Scenario.StartNanos + Scenario.Client2JoinNanos) / 1e9;

    private List<(double Second, double Value)> PerSecond(string name, string tenant = "tenant1")
    {
        var result = demo.As(tenant).Run(DemoQueries.Get(name));
        var rows = result.Rows.Select(r => (Convert.ToDouble(r[0], CultureInfo.InvariantCulture), Convert.ToDouble(r[1], CultureInfo.InvariantCulture))).ToList();
        foreach (var (second, value) in rows)
            output.WriteLine($"{name} {second - JoinSecond,6:F0} {value,10:F3}");
        return rows;
    }

    private static double Mean(IEnumerable<(double Second, double Value)> rows, Func<double, bool> when) =>
        rows.Where(r => when(r.Second)).Select(r => r.Value).Average();

    // Whole seconds before the join, and from two seconds after it (the queue needs a moment to fill) to the stop.
    private static bool Before(double second) => second <= JoinSecond && second > JoinSecond - 9;

    private static bool After(double second) => second >= JoinSecond + 2 && second <= JoinSecond + 10;

    [Fact]
    public void Delay_rises_at_the_ids_after_client2_joins_while_the_re_delay_stays_flat()
    {
        var re = PerSecond("delay_re");
        var ids = PerSecond("delay_ids");
        Assert.InRange(Mean(re, After) / Mean(re, Before), 0.95, 1.05);
        Assert.True(Mean(ids, After) > 5 * Mean(ids, Before), $"IDS delay {Mean(ids, Before)} → {Mean(ids, After)} ms");
    }

    [Fact]
    public void Packets_are_lost_at_the_ids_only_after_the_join_and_never_at_the_re()
    {
        var hops = demo.As("tenant1").Run(DemoQueries.Get("loss")).Rows;
        var dropped = ChainTraffic.Generate().DroppedAtIds;
        Assert.Equal(["re 0", $"ids {dropped}"], hops.Select(r => $"{r[0]} {r[1]}"));
        var ids = PerSecond("loss_ids");
        Assert.All(ids, r => Assert.True(r.Second > JoinSecond));
        Assert.Equal(dropped, (long)ids.Sum(r => r.Value));
    }

    [Fact]
    public void Rtt_rises_at_a_and_b_far_more_than_at_c_and_the_processing_time_grows_at_the_ids_only()
    {
        var a = PerSecond("rtt_a");
        var b = PerSecond("rtt_b");
        var c = PerSecond("rtt_c");
        Assert.True(Mean(a, After) > 3 * Mean(a, Before));
        Assert.True(Mean(b, After) > 3 * Mean(b, Before));
        // C's RTT is the server's stack alone; after the join the simplified join (§3.3.1) also pairs segments with
        // duplicate ACKs, so it grows from almost nothing, yet stays far below B's.
        Assert.True(Mean(c, After) < Mean(b, After) / 3);
        var result = demo.As("tenant1").Run(DemoQueries.Get("processing_time"));
        var re = result.Rows.Select(r => (Convert.ToDouble(r[0], CultureInfo.InvariantCulture), Convert.ToDouble(r[1], CultureInfo.InvariantCulture))).ToList();
        var ids = result.Rows.Select(r => (Convert.ToDouble(r[0], CultureInfo.InvariantCulture), Convert.ToDouble(r[2], CultureInfo.InvariantCulture))).ToList();
        Assert.InRange(Mean(re, After) / Mean(re, Before), 0.8, 1.25);
        Assert.True(Mean(ids, After) > 5 * Mean(ids, Before), $"IDS processing {Mean(ids, Before)} → {Mean(ids, After)} ms");
    }

    [Fact]
    public void Throughput_of_client1_falls_when_client2_joins_and_together_they_fill_the_ids()
    {
        var rows = demo.As("tenant1").Run(DemoQueries.Get("throughput")).Rows
            .Select(r => (Second: Convert.ToDouble(r[0], CultureInfo.InvariantCulture), Client: r[1]!.ToString(), Mbit: Convert.ToDouble(r[2], CultureInfo.InvariantCulture)))
            .ToList();
        var offered = Scenario.AppSegmentsPerSecond * Scenario.SegmentSize * 8 / 1e6;
        var client1Before = rows.Where(r => r.Client == "10.0.0.6" && Before(r.Second)).Average(r => r.Mbit);
        var client1After = rows.Where(r => r.Client == "10.0.0.6" && After(r.Second)).Average(r => r.Mbit);
        var totalAfter = rows.Where(r => After(r.Second)).Sum(r => r.Mbit) / rows.Where(r => After(r.Second)).Select(r => r.Second).Distinct().Count();
        output.WriteLine($"client1 {client1Before:F1} → {client1After:F1} Mbit/s; both {totalAfter:F1} Mbit/s; offered {offered:F1} each");
        Assert.InRange(client1Before, offered * 0.95, offered * 1.05);
        Assert.True(client1After < offered * 0.9);
        Assert.True(totalAfter < 2 * offered * 0.9);
    }

    [Fact]
    public void The_lb_delay_is_found_per_backend_by_tenant2()
    {
        var rows = demo.As("tenant2").Run(DemoQueries.Get("lb_delay")).Rows;
        Assert.Equal(["10.0.0.8", "10.0.0.9"], rows.Select(r => r[0]!.ToString()));
        Assert.All(rows, r => Assert.InRange(Convert.ToDouble(r[2], CultureInfo.InvariantCulture), 0.08, 0.085));
    }

    [Fact]
    public void Every_query_in_the_file_is_tested()
    {
        Assert.Equal(["delay_ids", "delay_re", "lb_delay", "loss", "loss_ids", "processing_time", "rtt_a", "rtt_b", "rtt_c", "throughput"],
            DemoQueries.Names.Order(StringComparer.Ordinal));
    }
}
