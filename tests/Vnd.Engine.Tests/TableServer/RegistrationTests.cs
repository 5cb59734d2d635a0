using System.Diagnostics;
using Npgsql;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// <c>vnd serve --registration</c> with three registering <c>vnd table-server</c> processes: queries run without
/// <c>--table-servers</c>; a killed server is marked down once its heartbeats stop and its capture point's queries
/// fail at once with 08006 while the others run; restarted (on another port), it registers again and serves.
/// </summary>
[Collection(TableServerProcesses.Name)]
public sealed class RegistrationTests(RegisteredDemo demo) : IClassFixture<RegisteredDemo>
{
    [Theory]
    [InlineData("select count(*), sum(payload_length) from a")]
    [InlineData("select count(*) from a join b on a.id = b.id")]
    [InlineData("select p.src_ip, count(*) from packets p join a on p.id = a.id group by 1 order by 1")]
    public async Task Queries_over_registered_table_servers_return_the_embedded_rows(string sql)
    {
        var embedded = await DistributedDemo.Rows(demo.EmbeddedPort, "tenant1", sql);
        var registered = await DistributedDemo.Rows(demo.DistributedPort, "tenant1", sql);

        Assert.NotEmpty(embedded);
        Assert.Equal(embedded.Order(StringComparer.Ordinal), registered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_killed_table_server_is_marked_down_its_queries_fail_at_once_and_it_serves_again_after_restarting_elsewhere()
    {
        const string OnA = "select count(*) from a";
        const string OnC = "select count(*) from c";
        var expected = await DistributedDemo.Rows(demo.DistributedPort, "tenant1", OnA);

        await demo.Kill(0);
        try
        {
            var killed = Stopwatch.StartNew();
            // Before the grace has passed the query finds the server unreachable; after it, the server is known to be down.
            var first = await Assert.ThrowsAsync<PostgresException>(() => DistributedDemo.Rows(demo.DistributedPort, "tenant1", OnA));
            Assert.True(killed.Elapsed < TimeSpan.FromSeconds(5), killed.Elapsed.ToString());
            Assert.Equal("08006", first.SqlState);
            Assert.Contains("link A at re", first.MessageText, StringComparison.Ordinal);

            var beyondGrace = TimeSpan.FromSeconds(2.5) - killed.Elapsed;
            if (beyondGrace > TimeSpan.Zero)
                await Task.Delay(beyondGrace);
            var clock = Stopwatch.StartNew();
            var down = await Assert.ThrowsAsync<PostgresException>(() => DistributedDemo.Rows(demo.DistributedPort, "tenant1", OnA));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), clock.Elapsed.ToString());
            Assert.Equal("08006", down.SqlState);
            Assert.Contains("\"link A at re\" is down (no heartbeat for", down.MessageText, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", down.MessageText, StringComparison.Ordinal);
            // Other capture points' tables, on other table servers, carry on.
            Assert.Equal(await DistributedDemo.Rows(demo.EmbeddedPort, "tenant1", OnC), await DistributedDemo.Rows(demo.DistributedPort, "tenant1", OnC));
        }
        finally
        {
            await demo.Restart(0, anyPort: true);
        }
        Assert.Equal(expected, await RegisteredDemo.Eventually(TimeSpan.FromSeconds(5), () => DistributedDemo.Rows(demo.DistributedPort, "tenant1", OnA)));
    }
}
