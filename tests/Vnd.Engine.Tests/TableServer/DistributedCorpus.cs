using System.Diagnostics;
using System.Net;
using Vnd.Engine.Cli;
using Vnd.Engine.Tests.Serve;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// The differential corpus's trace tables (<see cref="SltTraceTables"/>) in tenant1's schema, served seven ways:
/// embedded (<c>vnd serve</c> in this process; tables no capture point fills are read at the coordinator) and, for
/// 1, 2 and 3 <c>vnd table-server</c> processes, a <c>vnd serve --table-servers</c> process with pushdown and one
/// with <c>--no-pushdown</c>, each over an empty data directory (issue 6: the control server holds no segments). The tables are split so that t_in/t_out and a/b sit on different servers whenever
/// there are two or more, so their joins cross servers.
/// </summary>
public sealed class DistributedCorpus : IAsyncLifetime
{
    public const string Tenant = "tenant1";

    /// <summary>Which tables each table server of a configuration holds (1, 2 and 3 servers).</summary>
    private static readonly string[][][] Splits =
    [
        [SltTraceTables.Names],
        [["t", "a", "t_in"], ["t_out", "b", "e"]],
        [["t", "a"], ["t_in", "b"], ["t_out", "e"]],
    ];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "vnd-distdiff-" + Guid.NewGuid().ToString("N"));
    private readonly List<Process> _processes = [];
    private RunningServer _embedded = null!;

    private string Control => Path.Combine(_root, "control");

    public int EmbeddedPort => _embedded.Port;

    /// <summary>The distributed control servers: a name such as "3 table servers, pushdown off", what it is, its port.</summary>
    public List<(string Name, int TableServers, bool Pushdown, int Port)> Distributed { get; } = [];

    public async Task InitializeAsync()
    {
        SltTraceTables.Write(Control, Tenant);
        var configurations = await Task.WhenAll(Splits.Select(StartTableServers));
        var controls = new List<Task<(string, int, bool, int)>>();
        for (var k = 0; k < configurations.Length; k++)
        {
            foreach (var pushdown in (bool[])[true, false])
                controls.Add(StartControl(Splits[k].Length, configurations[k], pushdown));
        }
        Distributed.AddRange(await Task.WhenAll(controls));
        _embedded = await RunningServer.StartAsync(new ServeOptions(new DirectoryInfo(Control), new IPEndPoint(IPAddress.Loopback, 0), null,
            NoTls: true, "vnd", null));
    }

    public async Task DisposeAsync()
    {
        await _embedded.DisposeAsync();
        foreach (var process in _processes)
            await VndProcess.Stop(process);
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Starts one table server per entry of <paramref name="split"/>, each over a data directory holding those tables.</summary>
    private async Task<string[]> StartTableServers(string[][] split)
    {
        var servers = split.Select(async (held, i) =>
        {
            var data = Path.Combine(_root, $"of{split.Length}-s{i + 1}");
            foreach (var table in held)
                DirectoryCopy.Copy(Path.Combine(Control, "tables", Tenant, table), Path.Combine(data, "tables", Tenant, table));
            var (process, line) = await VndProcess.Start("table server listening on ", "table-server", "--data", data, "--listen", "127.0.0.1:0",
                "--token", DistributedDemo.Token);
            Track(process);
            return new Uri(line.Trim()).Authority;
        });
        return await Task.WhenAll(servers);
    }

    private async Task<(string, int, bool, int)> StartControl(int count, string[] servers, bool pushdown)
    {
        var name = $"{count} table server{(count == 1 ? "" : "s")}, pushdown {(pushdown ? "on" : "off")}";
        // Each control server starts with an empty data directory of its own: it holds no trace table, and binds
        // the corpus's tables from the table servers' answers.
        var data = Path.Combine(_root, $"control-of{count}-{(pushdown ? "on" : "off")}");
        Directory.CreateDirectory(data);
        string[] arguments = ["serve", "--data", data, "--listen", "127.0.0.1:0", "--unix-socket-dir", "", "--no-tls", "--no-demo",
            "--table-servers", string.Join(",", servers), "--token", DistributedDemo.Token];
        var (process, line) = await VndProcess.Start("vnd serve: listening on ", pushdown ? arguments : [.. arguments, "--no-pushdown"]);
        Track(process);
        return (name, count, pushdown, IPEndPoint.Parse(line[..line.IndexOf(' ', StringComparison.Ordinal)]).Port);
    }

    private void Track(Process process)
    {
        lock (_processes)
            _processes.Add(process);
    }
}
