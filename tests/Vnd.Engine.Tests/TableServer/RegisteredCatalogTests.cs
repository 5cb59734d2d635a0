using System.Diagnostics;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// Issue 6 with registration: the heartbeat carries each table server's catalog version, so the control server (over
/// an empty data directory) lists a table server again only when its tables changed — a table imported there is
/// queryable within a heartbeat or two, and steady-state statements list no table server at all.
/// </summary>
[Collection(TableServerProcesses.Name)]
public sealed class RegisteredCatalogTests(RegisteredDemo demo) : IClassFixture<RegisteredDemo>
{
    [Fact]
    public async Task A_table_imported_on_a_registered_table_server_is_queryable_within_a_heartbeat()
    {
        var expected = await DistributedDemo.Rows(demo.DistributedPort, "tenant1", "select count(*), sum(payload_length) from b");
        var listed = await CatalogProbe.Listings(demo.TableServers);
        var clock = Stopwatch.StartNew();

        CatalogProbe.Import(Path.Combine(demo.Control, "tables", "tenant1", "b"), demo.Server(0), "tenant1", "b_late");

        var rows = await RegisteredDemo.Eventually(TimeSpan.FromSeconds(5),
            () => DistributedDemo.Rows(demo.DistributedPort, "tenant1", "select count(*), sum(payload_length) from b_late"));
        Assert.Equal(expected, rows);
        // Heartbeats come every 0.5 s; then one listing, which takes a second or two on a loaded machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), clock.Elapsed.ToString());
        // Only s1, whose catalog version changed, was listed again.
        var now = await CatalogProbe.Listings(demo.TableServers);
        Assert.True(now[0] > listed[0], $"{now[0]} after {listed[0]}");
        Assert.Equal(listed.Skip(1), now.Skip(1));
    }

    [Fact]
    public async Task Statements_in_steady_state_list_no_registered_table_server()
    {
        await DistributedDemo.Rows(demo.DistributedPort, "tenant1", "select count(*) from a");
        var before = await CatalogProbe.Listings(demo.TableServers);

        for (var i = 0; i < 10; i++)
        {
            Assert.NotEmpty(await DistributedDemo.Rows(demo.DistributedPort, "tenant1", "select count(*) from a join b on a.id = b.id"));
            Assert.NotEmpty(await DistributedDemo.Rows(demo.DistributedPort, "tenant1", "select relname from pg_class"));
        }

        Assert.Equal(before, await CatalogProbe.Listings(demo.TableServers));
    }
}
