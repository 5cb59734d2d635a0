using System.Diagnostics;
using System.Net.Sockets;

namespace Vnd.Bench.Wire;

/// <summary>
/// <c>vnd serve</c> as its own process, so that VND and PostgreSQL are measured the same way: a server process
/// on loopback that the same client programs talk to.
/// </summary>
public sealed class VndServerProcess : IDisposable
{
    private readonly Process _process;

    private VndServerProcess(Process process) => _process = process;

    /// <param name="socketDirectory">where to also listen on a Unix-domain socket; null: only TCP (and no option a
    /// build from before <c>--unix-socket-dir</c> would refuse)</param>
    public static VndServerProcess Start(string vndDll, string dataDirectory, int port, int maxConnections, string? socketDirectory = null) =>
        Start(vndDll, $"serve --data {dataDirectory} --listen 127.0.0.1:{port} --no-tls --no-demo --max-connections {maxConnections}" +
            (socketDirectory is null ? "" : $" --unix-socket-dir {socketDirectory}"), port);

    /// <summary>Any <c>vnd</c> subcommand that listens on <paramref name="port"/> (a server, a table server), once it does.</summary>
    public static VndServerProcess Start(string vndDll, string arguments, int port)
    {
        var info = new ProcessStartInfo("dotnet", $"{vndDll} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        EnsureFree(port);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[vnd] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new VndServerProcess(process);
        WaitForPort(port, process);
        return server;
    }

    /// <summary>User + system CPU time of the server process so far.</summary>
    public TimeSpan CpuTime => ServerCpu.Of(_process.Id);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    /// <summary>Another server on the port would answer the measurements instead of this one (as happened with two runs at once).</summary>
    private static void EnsureFree(int port)
    {
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, port);
        try
        {
            probe.Start();
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"port {port} is taken: choose another with --port", e);
        }
        probe.Stop();
    }

    private static void WaitForPort(int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"vnd exited with {process.ExitCode}");
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new TimeoutException($"vnd did not listen on {port} within 60 s");
    }
}
