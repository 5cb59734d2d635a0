using System.Net;
using Npgsql;
using Vnd.Engine.Cli;
using Vnd.Engine.Tests.Control.Diagnoses;
using Vnd.Engine.Tests.Serve;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// The embedded table servers reuse a tenant's placement for up to a second, and sessions trust the capture-point
/// list for a quarter of a second before asking SQLite whether another process changed it. A table that another
/// process (<c>vnd import</c>) creates in that window must still be answered in full at once — its scans run at
/// the coordinator over the same store — and still after the placement is renewed.
/// </summary>
public sealed class StalePlacementTests : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "vnd-stale-" + Guid.NewGuid().ToString("N"));
    private RunningServer _server = null!;

    private string Data => Path.Combine(_work, "data");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        _server = await RunningServer.StartAsync(new ServeOptions(new DirectoryInfo(Data), new IPEndPoint(IPAddress.Loopback, 0), null, NoTls: true, "vnd", null));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task A_table_imported_by_another_process_is_answered_in_full_at_once_and_after_the_placement_is_renewed()
    {
        await using var session = new NpgsqlConnection($"Host=127.0.0.1;Port={_server.Port};Username=tenant1;Password=tenant1;Database=vnd;Pooling=false;SSL Mode=Disable");
        await session.OpenAsync();
        // A statement that reads a relation places the tenant's (still empty) set of trace tables.
        Assert.Equal(0L, await new NpgsqlCommand("select count(*) from information_schema.tables where table_schema = 'tenant1'", session).ExecuteScalarAsync());

        var parse = Path.Combine(_work, "stale-parse.cfg");
        await File.WriteAllTextAsync(parse, "Trace ID all\nTable ID fresh\nFilter: tcp\nFields: timestamp as ts, tcp.seq as seq\n");
        var rc = VndCommandLine.Build().Parse(["import", "--data", Data, "--tenant", "tenant1", "--parse", parse, DiagnosisTexts.TcpCapture]).Invoke();
        Assert.Equal(0, rc);

        var expected = new TraceTableStore(Data).RowCount(new TableRef("tenant1", "fresh"));
        Assert.True(expected > 0);
        Assert.Equal(expected, await new NpgsqlCommand("select count(*) from fresh", session).ExecuteScalarAsync());
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.Equal(expected, await new NpgsqlCommand("select count(*) from fresh", session).ExecuteScalarAsync());
    }
}
