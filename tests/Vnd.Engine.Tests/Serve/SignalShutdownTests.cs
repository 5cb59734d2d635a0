using System.Diagnostics;
using System.Net;
using Npgsql;
using Vnd.Engine.Tests.TableServer;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// <c>kill -TERM</c> (a systemd stop) and <c>kill -INT</c> on a real <c>vnd serve</c> / <c>vnd table-server</c> process
/// run the graceful stop: open sessions end with 57P01, the Unix socket file is removed and the exit code is 0, not the
/// signal's default death (143).
/// </summary>
public sealed class SignalShutdownTests : IDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    private readonly string _work = Path.Combine(Path.GetTempPath(), "vnd-signal-" + Guid.NewGuid().ToString("N"));

    public SignalShutdownTests() => Directory.CreateDirectory(_work);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData(SigTerm)]
    [InlineData(SigInt)]
    public async Task Serve_ends_its_sessions_removes_its_socket_and_exits_0(int signal)
    {
        var sockets = Directory.CreateDirectory(Path.Combine(_work, "sockets")).FullName;
        var (process, line) = await VndProcess.Start("vnd serve: listening on ", "serve", "--data", Path.Combine(_work, "data"),
            "--listen", "127.0.0.1:0", "--unix-socket-dir", sockets, "--no-tls", "--admin-password", "admin-secret");
        try
        {
            var port = IPEndPoint.Parse(line[..line.IndexOf(' ', StringComparison.Ordinal)]).Port;
            var socket = Path.Combine(sockets, $".s.PGSQL.{port}");
            Assert.True(File.Exists(socket));
            await using var connection = new NpgsqlConnection(
                $"Host=127.0.0.1;Port={port};Username=tenant1;Password=tenant1;Database=vnd;Pooling=false;SSL Mode=Disable;Timeout=30");
            await connection.OpenAsync();

            await Kill(process.Id, signal);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(0, process.ExitCode);
            Assert.False(File.Exists(socket));
            var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await using var command = new NpgsqlCommand("select 1", connection);
                await command.ExecuteScalarAsync();
            });
            // The session was told why (57P01, admin shutdown) before its socket closed.
            Assert.Equal("57P01", (error as PostgresException ?? error.InnerException as PostgresException)?.SqlState);
        }
        finally
        {
            await VndProcess.Stop(process);
        }
    }

    [Fact]
    public async Task Table_server_exits_0_on_sigterm()
    {
        var data = Directory.CreateDirectory(Path.Combine(_work, "ts")).FullName;
        var (process, _) = await VndProcess.Start("table server listening on ", "table-server", "--data", data,
            "--listen", "127.0.0.1:0", "--token", "signal-test-token");
        try
        {
            await Kill(process.Id, SigTerm);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            await VndProcess.Stop(process);
        }
    }

    /// <summary>Sends <paramref name="signal"/> as an operator would, with kill(1).</summary>
    private static async Task Kill(int pid, int signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }
}
