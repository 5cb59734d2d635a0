using System.Net;
using Npgsql;
using Vnd.Engine.Cli;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// <c>vnd serve --query-memory-mb / --total-query-memory-mb</c>: a query that would hold more than its limit (here a
/// sort of a 3.2M-row self cross join, ~50 MB) fails with 53200 in the session that ran it, which goes on; another
/// session's queries on the same server are unaffected; and the server's total is charged and released.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class QueryMemoryLimitTests(ServeFixture fixture)
{
    private const string Huge = "select a.seq, b.seq from packets a, packets b order by 1 desc, 2 limit 1 offset 3000000";

    [Fact]
    public async Task A_query_past_its_memory_limit_fails_with_53200_and_the_server_goes_on()
    {
        var options = new ServeOptions(new DirectoryInfo(fixture.Data), new IPEndPoint(IPAddress.Loopback, 0), null, NoTls: false, "vnd", ServeFixture.AdminPassword,
            QueryMemoryBytes: 8L << 20, TotalQueryMemoryBytes: 12L << 20);
        var (server, _, state) = ServeCommand.Create(options);
        using var _ = state;
        await using var running = server;
        await server.StartAsync();
        var port = server.LocalEndPoints[0].Port;

        // psql keeps its session after the error (Npgsql closes its connection on 53xxx, as with PostgreSQL).
        var (_, rows, errors) = Clients.PsqlClient.RunEach(port, "tenant1", "select count(*) from packets", Huge, "select count(*) from packets where seq > 0");
        Assert.Contains("ERROR:  out of memory: the query needs more than its limit of 8 MB", errors, StringComparison.Ordinal);
        Assert.Equal(2, rows.Length);

        // Another tenant's session on the same server answers, also after the failure, and small queries still run.
        await using var other = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=tenant2;Password=tenant2;Database=vnd;SSL Mode=Require;" +
            "Trust Server Certificate=true;Server Compatibility Mode=NoTypeLoading;Pooling=false;Timeout=10");
        await other.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from packets", other);
        Assert.True((long)(await count.ExecuteScalarAsync())! > 0);
        await using var sorted = new NpgsqlCommand("select seq from packets order by seq desc limit 1", other);
        Assert.NotNull(await sorted.ExecuteScalarAsync());
    }

    [Fact]
    public void Serve_refuses_a_limit_that_is_not_positive()
    {
        var rc = VndCommandLine.Build().Parse(["serve", "--data", fixture.Data, "--listen", "127.0.0.1:0", "--query-memory-mb", "0"]).Invoke();
        Assert.Equal(2, rc);
    }
}
