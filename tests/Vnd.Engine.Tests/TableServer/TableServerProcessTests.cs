using System.Diagnostics;
using Vnd.Engine.Cli;
using Vnd.Executor;
using Vnd.Executor.Remote;
using Vnd.Planner.Distributed;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// <c>vnd table-server</c> as a real process: it serves queries, a kill -9 makes the next query fail within 5 s
/// naming the capture point, and once restarted on the same address the same query succeeds again.
/// </summary>
public sealed class TableServerProcessTests(TwoCapturePoints sites) : IClassFixture<TwoCapturePoints>
{
    private const string Delay = "select count(*), min(o.ts - i.ts), max(o.ts - i.ts) from ingress i join egress o on i.id = o.id";

    [Fact]
    public async Task Killed_table_server_fails_queries_fast_and_serves_again_after_restart()
    {
        var (process, endpoint) = await Start("127.0.0.1:0");
        try
        {
            var endpoints = new Dictionary<Site, Uri> { [TwoCapturePoints.In] = sites.InServer.Endpoint, [TwoCapturePoints.Out] = endpoint };
            var expected = sites.Local(Delay);
            Assert.Equal(expected, (await sites.Distributed(Delay, endpoints)).Rows);

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<ExecutionException>(() => sites.Distributed(Delay, endpoints));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
            Assert.Equal(RemoteSqlStates.ConnectionFailure, error.SqlState);
            Assert.Contains("\"vm1-out\"", error.Message, StringComparison.Ordinal);

            process.Dispose();
            (process, var again) = await Start(endpoint.Authority);
            Assert.Equal(endpoint, again);
            Assert.Equal(expected, (await sites.Distributed(Delay, endpoints)).Rows);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.Dispose();
        }
    }

    [Fact]
    public async Task Sigterm_stops_the_table_server()
    {
        // What `kill` and a systemd stop send; the web host used to swallow it and the process lived on.
        var (process, endpoint) = await Start("127.0.0.1:0");
        using (process)
        {
            Assert.Single(await sites.Connections.For(TwoCapturePoints.Out, endpoint).ListTablesAsync());
            Assert.Equal(0, Kill(process.Id, Sigterm));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            finally
            {
                if (!process.HasExited)
                    process.Kill(entireProcessTree: true);
            }
            // The command's graceful stop ran and returned 0 (143, the default death by SIGTERM, meant no handler ran).
            Assert.Equal(0, process.ExitCode);
        }
    }

    private const int Sigterm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [Fact]
    public async Task Without_a_token_the_command_refuses_to_start()
    {
        var psi = StartInfo("127.0.0.1:0", token: null);
        psi.Environment.Remove(TableServerCommand.TokenVariable);
        using var process = Process.Start(psi)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("shared token is required", error, StringComparison.Ordinal);
    }

    private async Task<(Process Process, Uri Endpoint)> Start(string listen)
    {
        var process = Process.Start(StartInfo(listen, TwoCapturePoints.Token)) ?? throw new InvalidOperationException("cannot start vnd");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            const string Ready = "table server listening on ";
            if (line.StartsWith(Ready, StringComparison.Ordinal))
                return (process, new Uri(line[Ready.Length..].Trim()));
        }
        throw new InvalidOperationException($"vnd table-server exited with {process.ExitCode} before listening");
    }

    private ProcessStartInfo StartInfo(string listen, string? token)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments = [typeof(VndCommandLine).Assembly.Location, "table-server", "--data", sites.EgressData, "--listen", listen];
        foreach (var argument in token is null ? arguments : [.. arguments, "--token", token])
            psi.ArgumentList.Add(argument);
        return psi;
    }
}
