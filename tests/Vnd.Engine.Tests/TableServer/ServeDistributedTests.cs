using System.Diagnostics;
using Npgsql;
using Vnd.Engine.Tests.Demo;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// <c>vnd serve</c> runs tenant queries through the distributed planner: the same rows from in-process table
/// servers and from three <c>vnd table-server</c> processes behind <c>vnd serve --table-servers</c>, EXPLAIN
/// showing fragments at capture points, and a killed table server failing only the queries that need it.
/// </summary>
[Collection(TableServerProcesses.Name)]
public sealed class ServeDistributedTests(DistributedDemo demo) : IClassFixture<DistributedDemo>
{
    /// <summary>Shapes beyond the demo's queries: a window (kept at the coordinator), a scalar subquery, a three-way join.</summary>
    public static TheoryData<string, string> Extra => new()
    {
        { "tenant1", "select count(*), sum(payload_length), min(ts), max(ts) from a" },
        { "tenant1", "select ts, src_port, row_number() over (order by ts) from c order by ts limit 5" },
        { "tenant1", "select count(*) from b where payload_length > (select avg(payload_length) from c)" },
        { "tenant1", "select count(*), avg(date_part('epoch', c.ts - a.ts)) from a join b on a.id = b.id join c on b.id = c.id" },
        { "tenant1", "select p.src_ip, count(*) from packets p join a on p.id = a.id group by 1 order by 1" },
        { "tenant2", "select count(*) from lb_in i where not exists (select 1 from lb_out o where o.id = i.id)" },
    };

    public static TheoryData<string> DemoQueryNames => new(DemoQueries.Names.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(DemoQueryNames))]
    public async Task Every_demo_query_returns_the_same_rows_from_table_server_processes_as_embedded(string name)
    {
        var tenant = name.StartsWith("lb_", StringComparison.Ordinal) ? "tenant2" : "tenant1";
        var sql = DemoQueries.Get(name);

        var embedded = await DistributedDemo.Rows(demo.EmbeddedPort, tenant, sql);
        var distributed = await DistributedDemo.Rows(demo.DistributedPort, tenant, sql);

        Assert.NotEmpty(embedded);
        Assert.Equal(embedded.Order(StringComparer.Ordinal), distributed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Extra))]
    public async Task Other_query_shapes_return_the_same_rows_from_table_server_processes_as_embedded(string tenant, string sql)
    {
        var embedded = await DistributedDemo.Rows(demo.EmbeddedPort, tenant, sql);
        var distributed = await DistributedDemo.Rows(demo.DistributedPort, tenant, sql);

        Assert.NotEmpty(embedded);
        Assert.Equal(embedded.Order(StringComparer.Ordinal), distributed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_parameterised_join_binds_its_values_before_fragments_are_shipped()
    {
        const string Sql = "select count(*) from b i join c o on i.id = o.id where o.payload_length > $1 and i.dst_ip = $2::inet";
        object[] values = [100, "10.0.3.10"];

        var embedded = await DistributedDemo.Rows(demo.EmbeddedPort, "tenant1", Sql, values);
        var distributed = await DistributedDemo.Rows(demo.DistributedPort, "tenant1", Sql, values);

        Assert.NotEqual("0", Assert.Single(embedded));
        Assert.Equal(embedded, distributed);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Explain_shows_a_single_table_query_as_one_fragment_at_its_capture_point(bool embedded)
    {
        var plan = await DistributedDemo.Rows(Port(embedded), "tenant1", "explain select count(*) from a where payload_length > 0");

        var fragment = Assert.Single(plan, l => l.StartsWith("Fragment", StringComparison.Ordinal));
        Assert.Equal("Fragment 0 at \"link A at re\" (result)", fragment);
        Assert.DoesNotContain(plan, l => l.StartsWith("Exchange", StringComparison.Ordinal));
        Assert.Contains(plan, l => l.Contains("tenant1.a", StringComparison.Ordinal));
        AssertNoPhysicalNames(plan);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Explain_of_the_one_hop_delay_shows_each_fragment_site_and_the_predicted_exchange(bool embedded)
    {
        var plan = await DistributedDemo.Rows(Port(embedded), "tenant1", "explain " + DemoQueries.Get("delay_re"));

        var fragments = plan.Where(l => l.StartsWith("Fragment", StringComparison.Ordinal)).ToList();
        Assert.Contains(fragments, f => f.Contains("\"link A at re\"", StringComparison.Ordinal));
        Assert.Contains(fragments, f => f.Contains("\"link B at ids", StringComparison.Ordinal));
        // Each side moves from its capture point (to the other, or both to the coordinator), or with semi-join
        // reduction distinct keys one way and matching rows back.
        var exchanges = plan.Where(l => l.StartsWith("Exchange", StringComparison.Ordinal)).ToList();
        Assert.InRange(exchanges.Count, 1, 2);
        Assert.All(exchanges, e => Assert.Matches(@"^Exchange fragment \d+ at ""link [AB] at [^""]*"" -> fragment \d+ at ""[^""]+"": \w+, predicted rows=\d+ bytes=\d+$", e));
        Assert.Contains(plan, l => l.StartsWith("Predicted bytes moved: ", StringComparison.Ordinal));
        AssertNoPhysicalNames(plan);
    }

    /// <summary>
    /// PostgreSQL: in a block now() is the transaction's start and statement_timestamp() the statement's, in every
    /// part of the statement. The query below is one fragment at A's capture point, so both fold at a table server,
    /// which has to use the coordinator's times rather than its own clock.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Now_in_a_block_is_the_transaction_start_at_the_table_servers_too(bool embedded)
    {
        await using var connection = new NpgsqlConnection(DistributedDemo.ConnectionString(Port(embedded), "tenant1"));
        await connection.OpenAsync();
        await using (var begin = new NpgsqlCommand("begin", connection))
            await begin.ExecuteNonQueryAsync();
        await using (var first = new NpgsqlCommand("select now()", connection))
        {
            var start = (DateTime)(await first.ExecuteScalarAsync())!;
            await Task.Delay(20);

            await using var command = new NpgsqlCommand("select now(), statement_timestamp(), count(*) from a where ts < now()", connection);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());

            Assert.Equal(start, reader.GetDateTime(0));
            Assert.True(reader.GetDateTime(1) >= start.AddMilliseconds(20), $"{reader.GetDateTime(1):O} vs {start:O}");
            Assert.True(reader.GetInt64(2) > 0);
        }
    }

    [Fact]
    public async Task Explain_keeps_what_a_table_server_cannot_run_at_the_coordinator()
    {
        var plan = await DistributedDemo.Rows(demo.EmbeddedPort, "tenant1", "explain select ts, row_number() over (order by ts) from c");

        Assert.Contains("Fragment 0 at \"coordinator\" (result)", plan);
        Assert.Contains("Fragment 1 at \"link B at ids, link C at server\"", plan);
        Assert.Contains(plan, l => l.StartsWith("Exchange fragment 1", StringComparison.Ordinal));
        AssertNoPhysicalNames(plan);
    }

    [Fact]
    public async Task A_killed_table_server_fails_only_its_capture_points_queries_within_five_seconds_and_serves_again_after_restart()
    {
        const string OnA = "select count(*) from a";
        const string OnC = "select count(*) from c";
        var expected = await DistributedDemo.Rows(demo.DistributedPort, "tenant1", OnA);

        await demo.Kill(0);
        try
        {
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<PostgresException>(() => DistributedDemo.Rows(demo.DistributedPort, "tenant1", OnA));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
            Assert.Equal("08006", error.SqlState);
            Assert.Contains("link A at re", error.MessageText, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", error.MessageText, StringComparison.Ordinal);
            Assert.Equal(await DistributedDemo.Rows(demo.EmbeddedPort, "tenant1", OnC), await DistributedDemo.Rows(demo.DistributedPort, "tenant1", OnC));
        }
        finally
        {
            await demo.Restart(0);
        }
        Assert.Equal(expected, await DistributedDemo.Rows(demo.DistributedPort, "tenant1", OnA));
    }

    [Fact]
    public async Task Statement_timeout_stops_the_query_at_every_table_server()
    {
        // Joins without equality keys: nested loops over every triple of A's, B's and C's packets, hours of work, so
        // a site the cancel missed would still be busy when measured.
        const string Slow = "select count(*) from a x join b y on x.ts < y.ts join c z on y.ts < z.ts and x.payload_length <> z.payload_length";
        await using var connection = new NpgsqlConnection(DistributedDemo.ConnectionString(demo.DistributedPort, "tenant1"));
        await connection.OpenAsync();
        // Warm up first: connecting to the table servers and their JIT are not what is measured.
        await using (var warm = new NpgsqlCommand("select count(*) from a x join b y on x.id = y.id", connection))
            await warm.ExecuteScalarAsync();
        await using (var set = new NpgsqlCommand("set statement_timeout = '500ms'", connection))
            await set.ExecuteNonQueryAsync();
        var clock = Stopwatch.StartNew();

        await using var command = new NpgsqlCommand(Slow, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteScalarAsync());

        Assert.Equal("57014", error.SqlState);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
        // Had the cancel not reached the site running the join, that process would go on burning a core. The nested
        // loop looks at its cancellation between blocks of outer rows, so it is given a moment to notice.
        // A missed cancel is hours of work, so it shows in every window; a busy moment of a process under the full
        // suite's load (510 ms in one window of a CI-equivalent run, 2026-11-27) does not last: only a second busy
        // window in a row fails.
        await Task.Delay(2000);
        var busy = await CpuOver(TimeSpan.FromMilliseconds(1500));
        if (busy.Sum() >= 600)
            busy = await CpuOver(TimeSpan.FromMilliseconds(1500));
        Assert.True(busy.Sum() < 600, "still busy (ms of CPU per process): " + string.Join(", ", busy));
        await using var next = new NpgsqlCommand("select count(*) from a", connection);
        Assert.True((long)(await next.ExecuteScalarAsync())! > 0);
    }

    /// <summary>Milliseconds of CPU each table-server process and the control server use over <paramref name="window"/>.</summary>
    private async Task<List<double>> CpuOver(TimeSpan window)
    {
        var before = Cpu();
        await Task.Delay(window);
        return [.. Cpu().Zip(before, (a, b) => (a - b).TotalMilliseconds)];
    }

    /// <summary>CPU time used so far by each table-server process and the control server.</summary>
    private List<TimeSpan> Cpu()
    {
        var used = new List<TimeSpan>();
        foreach (var process in demo.Processes)
        {
            process.Refresh();
            used.Add(process.TotalProcessorTime);
        }
        return used;
    }

    private int Port(bool embedded) => embedded ? demo.EmbeddedPort : demo.DistributedPort;

    /// <summary>The demo cloud's hypervisors, their table servers and underlay addresses must never reach a tenant.</summary>
    private static void AssertNoPhysicalNames(List<string> plan)
    {
        foreach (var physical in (string[])["hv1", "hv2", "ts-hv", "192.168.100", "inproc", "127.0.0.1"])
            Assert.DoesNotContain(plan, l => l.Contains(physical, StringComparison.Ordinal));
    }
}
