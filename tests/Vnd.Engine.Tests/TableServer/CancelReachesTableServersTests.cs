using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Vnd.Executor.Remote;
using Vnd.Planner.Distributed;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// A cancel reaches every table server of the query (issue 6 item 4): a query keeping all three table-server
/// processes busy is cancelled by the client (CancelRequest) or by statement_timeout; the client gets 57014 at
/// once and every table server's <c>status</c> action soon counts no running fragment — work the cancel missed
/// would go on for hours.
/// </summary>
[Collection(TableServerProcesses.Name)]
public sealed class CancelReachesTableServersTests(DistributedDemo demo) : IClassFixture<DistributedDemo>
{
    /// <summary>
    /// Three triangles of self-joins without equality keys, one per table server (a at s1, b at s2, packets at s3):
    /// each runs as a fragment at its own server, hours of nested loops, and only one row each comes out.
    /// </summary>
    private const string Busy =
        "select * from (select count(*) from a x join a y on x.ts < y.ts join a z on y.ts < z.ts) s1, " +
        "(select count(*) from b x join b y on x.ts < y.ts join b z on y.ts < z.ts) s2, " +
        "(select count(*) from packets x join packets y on x.ts < y.ts join packets z on y.ts < z.ts) s3";

    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_client_cancel_stops_the_fragments_at_every_table_server()
    {
        await using var connection = await Connect();
        await using var command = new NpgsqlCommand(Busy, connection);
        var running = command.ExecuteScalarAsync();
        await EveryServerRuns(running, command);

        var clock = Stopwatch.StartNew();
        command.Cancel();
        // Npgsql reports a cancel it asked for as OperationCanceledException around the server's error.
        var cancelled = await Assert.ThrowsAsync<OperationCanceledException>(() => running);

        Assert.Equal("57014", Assert.IsType<PostgresException>(cancelled.InnerException).SqlState);
        Assert.True(clock.Elapsed < Soon, clock.Elapsed.ToString());
        await NoServerRuns();
        await AssertSessionStillWorks(connection);
    }

    [Fact]
    public async Task Statement_timeout_stops_the_fragments_at_every_table_server()
    {
        await using var connection = await Connect();
        await using (var set = new NpgsqlCommand("set statement_timeout = '4s'", connection))
            await set.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand(Busy, connection);
        var clock = Stopwatch.StartNew();
        var running = command.ExecuteScalarAsync();
        await EveryServerRuns(running, command);

        var error = await Assert.ThrowsAsync<PostgresException>(() => running);

        Assert.Equal("57014", error.SqlState);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4) + Soon, clock.Elapsed.ToString());
        await NoServerRuns();
        await AssertSessionStillWorks(connection);
    }

    private async Task<NpgsqlConnection> Connect()
    {
        var connection = new NpgsqlConnection(DistributedDemo.ConnectionString(demo.DistributedPort, "tenant1"));
        await connection.OpenAsync();
        // Warm up: connecting to the table servers and their JIT are not what is measured.
        await DistributedDemo.Rows(connection, "select count(*) from a x join b y on x.id = y.id join packets z on z.id = x.id");
        return connection;
    }

    /// <summary>Waits until each table server runs a fragment of the query (it must not have failed meanwhile); on
    /// failure the query is cancelled, or closing the connection would wait for it.</summary>
    private async Task EveryServerRuns(Task query, NpgsqlCommand command)
    {
        var deadline = Stopwatch.StartNew();
        List<int> running;
        while (!(running = await Running()).TrueForAll(n => n > 0) && !query.IsCompleted && deadline.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(50);
        if (running.TrueForAll(n => n > 0))
            return;
        if (!query.IsCompleted)
            command.Cancel();
        Assert.Fail($"running fragments per table server: {string.Join(", ", running)}; query ended: {query.IsCompleted} {query.Exception?.InnerException?.Message}");
    }

    /// <summary>Waits until no table server runs a fragment; a cancel that missed one leaves it busy for hours.</summary>
    private async Task NoServerRuns()
    {
        var deadline = Stopwatch.StartNew();
        List<int> running;
        while ((running = await Running()).Exists(n => n > 0) && deadline.Elapsed < Soon)
            await Task.Delay(50);
        Assert.Equal([0, 0, 0], running);
    }

    /// <summary>The fragments each table server (s1…s3) is running, from its <c>status</c> action.</summary>
    private async Task<List<int>> Running()
    {
        var counts = new List<int>();
        foreach (var server in demo.TableServers)
        {
            using var client = new TableServerClient(new Site(server), new Uri($"http://{server}/"), DistributedDemo.Token);
            var status = await client.ActionAsync(TableServerProtocol.StatusAction, "", TimeSpan.FromSeconds(5));
            counts.Add(int.Parse(Assert.Single(status), CultureInfo.InvariantCulture));
        }
        return counts;
    }

    private static async Task AssertSessionStillWorks(NpgsqlConnection connection)
    {
        await using var reset = new NpgsqlCommand("set statement_timeout = 0", connection);
        await reset.ExecuteNonQueryAsync();
        await using var next = new NpgsqlCommand("select count(*) from a", connection);
        Assert.True((long)(await next.ExecuteScalarAsync())! > 0);
    }
}
