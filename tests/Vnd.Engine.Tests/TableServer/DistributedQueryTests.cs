using System.Diagnostics;
using Vnd.Executor;
using Vnd.Executor.Remote;
using Vnd.Planner.Distributed;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>Queries over In and Out on two table servers answer exactly as the single-process engine does.</summary>
public sealed class DistributedQueryTests(TwoCapturePoints sites) : IClassFixture<TwoCapturePoints>
{
    [Theory]
    [InlineData("select count(*), sum(payload_length) from ingress")]
    [InlineData("select count(*) from egress")]
    [InlineData("select ceil(extract(epoch from ts)), sum(payload_length) from egress group by 1")]
    [InlineData("select ts, src_ip, dst_port, seq from ingress where payload_length > 0 order by ts desc limit 7")]
    public async Task Single_table_queries_run_at_their_capture_point(string sql)
    {
        var (rows, plan) = await sites.Distributed(sql);

        Assert.Equal(sites.Local(sql), rows);
        Assert.Empty(plan.Exchanges);
        Assert.False(plan.RootFragment.Site.IsCoordinator);
    }

    [Theory]
    [InlineData("select count(*), min(o.ts - i.ts), max(o.ts - i.ts), sum(o.payload_length) from ingress i join egress o on i.id = o.id")]
    [InlineData("select i.src_ip, o.dst_ip, i.seq, o.ack, o.flags from ingress i join egress o on i.id = o.id where o.payload_length > 0")]
    [InlineData("select count(*) from ingress where id not in (select id from egress where payload_length > 0)")]
    [InlineData("select i.id, i.payload_length from ingress i where exists (select 1 from egress o where o.id = i.id and o.flags = 18)")]
    [InlineData("select o.src_port, count(*) from egress o left join ingress i on o.seq = i.ack and o.src_port = i.dst_port group by o.src_port")]
    public async Task Joins_across_capture_points_match_the_single_process_engine(string sql)
    {
        var (rows, plan) = await sites.Distributed(sql);

        Assert.NotEmpty(rows);
        Assert.Equal(sites.Local(sql), rows);
        Assert.NotEmpty(plan.Exchanges);
    }

    /// <summary>LATERAL subqueries and set-returning functions run at the coordinator over the capture points' rows.</summary>
    [Theory]
    [InlineData("select s.src_port, l.id from (select distinct src_port from ingress where payload_length > 0) s, " +
                "lateral (select o.id from egress o where o.src_port = s.src_port order by o.ts desc, o.id limit 2) l order by 1, 2")]
    [InlineData("select count(*), sum(x.c) from ingress i left join lateral (select count(*) as c from egress o where o.id = i.id) x on true")]
    [InlineData("select id, generate_series(1, 3) from ingress where payload_length > 0 order by id, 2 limit 20")]
    [InlineData("select i.id, r.g, r.p, r.n from ingress i, rows from (generate_series(1, 2), unnest(array[i.src_port, i.dst_port, 0])) " +
                "with ordinality as r(g, p, n) where i.payload_length > 0 order by 1, 4 limit 30")]
    [InlineData("select generate_series(1, generate_series(1, 2)) as g, count(*) from ingress group by 1 order by 1")]
    [InlineData("select src_ip, count(*) as packets, count(*)::float8 / (select count(*) from ingress) as share from ingress group by src_ip order by 1")]
    public async Task Lateral_and_set_returning_queries_match_the_single_process_engine(string sql)
    {
        var rows = await sites.Executed(sql);

        Assert.NotEmpty(rows);
        Assert.Equal(sites.Local(sql), rows);
    }

    [Fact]
    public async Task A_table_server_that_is_down_fails_the_query_within_five_seconds_naming_the_capture_point()
    {
        // A server that was started and stopped: its port is closed now.
        var deadData = Path.Combine(Path.GetTempPath(), "vnd-dead-" + Guid.NewGuid().ToString("N"));
        var dead = await TwoCapturePoints.Start(deadData);
        var endpoint = dead.Endpoint;
        await dead.DisposeAsync();
        Directory.Delete(deadData, recursive: true);
        var endpoints = new Dictionary<Site, Uri> { [TwoCapturePoints.In] = sites.InServer.Endpoint, [TwoCapturePoints.Out] = endpoint };
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ExecutionException>(() =>
            sites.Distributed("select count(*) from ingress i join egress o on i.id = o.id", endpoints));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
        Assert.Equal(RemoteSqlStates.ConnectionFailure, error.SqlState);
        Assert.Contains("\"vm1-out\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("select i.id from ingress i join egress o on i.id = o.id limit 1")]
    [InlineData("select count(*) from ingress i join egress o on i.id = o.id where o.payload_length < 0")]
    public async Task Remote_inputs_started_with_the_query_but_not_read_to_the_end_stop_with_it(string sql)
    {
        var (rows, _) = await sites.Distributed(sql);

        Assert.Single(rows);
        var clock = Stopwatch.StartNew();
        while ((sites.InServer.State.Running.Count, sites.OutServer.State.Running.Count) != (0, 0) && clock.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(20);
        Assert.Equal((0, 0), (sites.InServer.State.Running.Count, sites.OutServer.State.Running.Count));
    }
}
