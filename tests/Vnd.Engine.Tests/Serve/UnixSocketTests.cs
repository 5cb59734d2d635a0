using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Vnd.Engine.Cli;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// <c>vnd serve --unix-socket-dir DIR</c>: the server also listens on <c>DIR/.s.PGSQL.&lt;port&gt;</c>, where Npgsql
/// (<c>Host=DIR</c>) and psql (<c>-h DIR</c>) connect as they do to PostgreSQL, and gets the same answers as over TCP.
/// </summary>
public sealed class UnixSocketTests : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "vnd-unix-" + Guid.NewGuid().ToString("N"));
    private string Sockets => Path.Combine(_work, "sockets");
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Sockets);
        var data = Path.Combine(_work, "data");
        ServeFixture.Import(data, "tenant1", ServeFixture.Tenant1Capture);
        _server = await RunningServer.StartAsync(Options(data, IPAddress.Loopback, 0));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    private ServeOptions Options(string data, IPAddress address, int port) =>
        new(new DirectoryInfo(data), new IPEndPoint(address, port), null, NoTls: false, "vnd", "admin-secret", UnixSocketDirectory: Sockets);

    private string ConnectionString(string host) =>
        $"Host={host};Port={_server.Port};Username=tenant1;Password=tenant1;Database=vnd;Pooling=false;SSL Mode=Disable;Timeout=10";

    [Fact]
    public void The_socket_is_named_as_postgresql_names_it()
    {
        Assert.Equal(Path.Combine(Sockets, $".s.PGSQL.{_server.Port}"), _server.UnixSocketPath);
        Assert.True(File.Exists(_server.UnixSocketPath));
    }

    [Fact]
    public async Task Npgsql_reads_the_same_rows_over_the_socket_as_over_tcp()
    {
        const string Sql = "select * from packets order by id";
        var overSocket = await ReadAllAsync(ConnectionString(Sockets), Sql);
        var overTcp = await ReadAllAsync(ConnectionString("127.0.0.1"), Sql);
        Assert.Equal(1795, overSocket.Count);
        Assert.Equal(overTcp, overSocket);
    }

    [Fact]
    public async Task Psql_connects_with_the_directory_as_host()
    {
        var start = new ProcessStartInfo("psql")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", Sockets, "-p", _server.Port.ToString(CultureInfo.InvariantCulture),
                     "-U", "tenant1", "-d", "vnd", "-c", "select count(*), max(src_port) from packets", "-c", "\\copy (select id from packets order by id limit 3) to stdout" })
            start.ArgumentList.Add(argument);
        start.Environment["PGPASSWORD"] = "tenant1";
        start.Environment["PGCONNECT_TIMEOUT"] = "10";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await error);
        var lines = (await output).ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected = await ReadAllAsync(ConnectionString("127.0.0.1"), "select count(*), max(src_port) from packets");
        Assert.Equal(string.Join("|", expected.Single()), lines[0]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task A_socket_file_a_running_server_answers_on_is_refused()
    {
        // Another loopback address, the same port: the TCP bind succeeds, the socket file is the first server's.
        var clash = await Assert.ThrowsAsync<IOException>(() =>
            RunningServer.StartAsync(Options(Path.Combine(_work, "other"), IPAddress.Parse("127.0.0.2"), _server.Port)));
        Assert.Contains("in use", clash.Message, StringComparison.Ordinal);
        Assert.Equal(1795L, (await ReadAllAsync(ConnectionString(Sockets), "select count(*) from packets")).Single()[0]);
    }

    [Fact]
    public async Task A_stale_socket_file_is_replaced_and_removed_at_stop()
    {
        var port = FreePort();
        var path = Path.Combine(Sockets, $".s.PGSQL.{port}");
        // What a server that died leaves: the file, with nothing listening on it. (Bound, never listening, and
        // disposed only after the test: .NET removes the file of a socket it bound when disposing it.)
        using var leftover = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        leftover.Bind(new UnixDomainSocketEndPoint(path));
        Assert.True(File.Exists(path));
        await using (var second = await RunningServer.StartAsync(Options(Path.Combine(_work, "other"), IPAddress.Loopback, port)))
        {
            Assert.Equal(path, second.UnixSocketPath);
            await using var connection = new NpgsqlConnection($"Host={Sockets};Port={port};Username=tenant1;Password=tenant1;Database=vnd;Pooling=false;SSL Mode=Disable;Timeout=10");
            await connection.OpenAsync();
            Assert.Equal(1, await new NpgsqlCommand("select 1", connection).ExecuteScalarAsync());
        }
        Assert.False(File.Exists(path));
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static async Task<List<object[]>> ReadAllAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}
