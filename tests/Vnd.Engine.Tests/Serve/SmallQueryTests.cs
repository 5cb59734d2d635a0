using System.Globalization;
using System.Net;
using Npgsql;
using Vnd.Engine.Cli;
using Vnd.Engine.Sessions;
using Vnd.Executor.Storage;
using Vnd.Wire.Hosting;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// pgbench's kind of load on <c>vnd serve</c>'s caches: a session's reused plan, the local plan of a table at the
/// coordinator (no distributed pass) and the shared decoded record batches of its segments. Each runs over its
/// own data directory, because it imports into a served table while sessions are open.
/// </summary>
public sealed class SmallQueryTests : IAsyncLifetime
{
    private const string Count = "select count(*) from packets";
    private const string FirstRows = "select ts, src_ip, dst_port from packets limit 10";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "vnd-small-" + Guid.NewGuid().ToString("N"));
    private PgServer _server = null!;

    public async Task InitializeAsync()
    {
        ServeFixture.Import(_data, "tenant1", ServeFixture.Tenant1Capture);
        var options = new ServeOptions(new DirectoryInfo(_data), new IPEndPoint(IPAddress.Loopback, 0), null, NoTls: true, "vnd", "admin-secret");
        _server = ServeCommand.Create(options).Server;
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Rows_imported_between_two_statements_of_a_session_are_read_by_the_second()
    {
        var before = Reference(Count);
        await using var session = await Open();
        Assert.Equal(before, await Scalar(session, Count));
        var firstRows = await Rows(session, FirstRows);

        // The same capture again: the table gets new segments behind the session's cached plan and mappings.
        ServeFixture.Import(_data, "tenant1", ServeFixture.Tenant1Capture);

        Assert.Equal(2 * before, Reference(Count));
        Assert.Equal(2 * before, await Scalar(session, Count));
        Assert.Equal(firstRows, await Rows(session, FirstRows));
        Assert.Equal(2 * before, await Scalar(session, "select count(*) from packets where ts >= (select min(ts) from packets)"));
    }

    [Fact]
    public async Task Concurrent_sessions_running_the_same_small_queries_all_get_the_same_rows()
    {
        var count = Reference(Count);
        List<string> expected;
        await using (var first = await Open())
            expected = await Rows(first, FirstRows);
        Assert.Equal(10, expected.Count);

        var sessions = Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var session = await Open();
            for (var round = 0; round < 20; round++)
            {
                Assert.Equal(1L, await Scalar(session, "select 1"));
                Assert.Equal(expected, await Rows(session, FirstRows));
                Assert.Equal(count, await Scalar(session, Count));
            }
        });
        await Task.WhenAll(sessions);
    }

    private long Reference(string sql) =>
        Convert.ToInt64(new QueryRunner(new TraceTableStore(_data), "tenant1").Run(sql).Rows[0][0], CultureInfo.InvariantCulture);

    private async Task<NpgsqlConnection> Open()
    {
        var port = _server.LocalEndPoints[0].Port;
        var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=tenant1;Password=tenant1;Database=vnd;SSL Mode=Disable;" +
            "Server Compatibility Mode=NoTypeLoading;Pooling=false;Timeout=10");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql) =>
        Convert.ToInt64(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync(), CultureInfo.InvariantCulture);

    private static async Task<List<string>> Rows(NpgsqlConnection connection, string sql)
    {
        var rows = new List<string>();
        await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join('|', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        }
        return rows;
    }
}
