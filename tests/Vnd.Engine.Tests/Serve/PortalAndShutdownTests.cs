using System.Globalization;
using System.Net;
using System.Text;
using Npgsql;
using Vnd.Engine.Cli;
using Vnd.Engine.Sessions;
using Vnd.Engine.Control.Cloud;
using Vnd.Executor.Storage;
using Vnd.Wire.Auth;
using Vnd.Wire.Hosting;

namespace Vnd.Engine.Tests.Serve;

/// <summary>Execute with max rows (PortalSuspended, the open stream kept in the portal) and graceful shutdown (57P01).</summary>
[Collection(ServeCollection.Name)]
public sealed class PortalAndShutdownTests(ServeFixture fixture)
{
    [Fact]
    public async Task Execute_with_max_rows_suspends_the_portal_and_resumes_where_it_stopped()
    {
        // Trust on loopback keeps the raw client free of SCRAM; the handler and catalog are the real ones.
        var handler = new VndServerHandler(DemoCloud.Load, new TraceCatalogFactory(new TraceTableStore(fixture.Data)));
        var options = new PgServerOptions { AuthMethod = PgAuthMethod.Trust };
        options.EndPoints.Add(new IPEndPoint(IPAddress.Loopback, 0));
        await using var server = new PgServer(handler, options);
        await server.StartAsync();
        await using var client = await PortalClient.ConnectAsync(server.LocalEndPoints[0].Port, "tenant1");

        // Execute(700) + Sync: 700 rows, then PortalSuspended instead of CommandComplete.
        await client.ParseAsync("select seq from packets");
        await client.BindAsync();
        await client.ExecuteAsync(700);
        await client.SyncAsync();
        var first = await client.ReadUntilAsync('Z');
        Assert.DoesNotContain(first, m => m.Tag is 'E' or 'C');
        Assert.Equal(700, first.Count(m => m.Tag == 'D'));
        Assert.Equal('s', first[^2].Tag);

        // Within one batch (no Sync in between) the portal keeps its open stream: 700 + 700 + 395 rows.
        await client.ParseAsync("select seq from packets");
        await client.BindAsync();
        await client.ExecuteAsync(700);
        await client.ExecuteAsync(700);
        await client.ExecuteAsync(700);
        await client.SyncAsync();
        var all = await client.ReadUntilAsync('Z');
        Assert.Equal(2, all.Count(m => m.Tag == 's'));
        var rows = all.Where(m => m.Tag == 'D').Select(m => Encoding.UTF8.GetString(m.Body, 6, m.Body.Length - 6)).ToList();
        var expected = fixture.Embedded("tenant1", "select seq from packets").Rows.Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!).ToList();
        Assert.Equal(expected, rows);
        Assert.Equal("SELECT 1795", Encoding.UTF8.GetString(all.Single(m => m.Tag == 'C').Body).TrimEnd('\0'));
    }

    [Fact]
    public async Task Serve_stops_on_signal_and_ends_sessions_with_57P01()
    {
        var options = new ServeOptions(new DirectoryInfo(fixture.Data), new IPEndPoint(IPAddress.Loopback, 0), null, NoTls: true, "vnd", null);
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();
        var port = FreePort();
        var serving = ServeCommand.RunAsync(options with { Listen = new IPEndPoint(IPAddress.Loopback, port) }, output, stop.Token);
        await using var connection = new NpgsqlConnection(
            $"Host=127.0.0.1;Port={port};Username=tenant2;Password=tenant2;Database=vnd;SSL Mode=Disable;Server Compatibility Mode=NoTypeLoading;Pooling=false;Timeout=10");
        await WaitOpenAsync(connection);
        Assert.True((long)(await new NpgsqlCommand("select count(*) from packets", connection).ExecuteScalarAsync())! > 0);
        Assert.Contains("tenant tenant1 (password tenant1)", output.ToString(), StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(0, await serving.WaitAsync(TimeSpan.FromSeconds(10)));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => new NpgsqlCommand("select 1", connection).ExecuteScalarAsync());
        var terminated = error as PostgresException ?? error.InnerException as PostgresException;
        Assert.NotNull(terminated);
        Assert.Equal("57P01", terminated.SqlState);
    }

    private static async Task WaitOpenAsync(NpgsqlConnection connection)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
