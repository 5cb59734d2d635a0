using Vnd.Bench.Queries;
using Vnd.Bench.Wire;

namespace Vnd.Bench.Distributed;

/// <summary>
/// The benchmark's two deployments of the same In and Out trace tables. Distributed: each table linked into the
/// data directory of its own <c>vnd table-server</c> process (one per capture point), and <c>vnd serve
/// --table-servers</c> over both with a data directory of its own (where the tables are linked too, for binding). Single-process: <c>vnd serve</c> over the
/// directory the tables were imported into, where an imported table stays at the coordinator, so every query runs
/// in that one process.
/// </summary>
public sealed class DistributedCluster : IDisposable
{
    public const string Token = "bench-distributed-token";
    private readonly List<VndServerProcess> _processes = [];

    private DistributedCluster(int distributedPort, int singlePort)
    {
        DistributedPort = distributedPort;
        SinglePort = singlePort;
    }

    public int DistributedPort { get; }

    public int SinglePort { get; }

    /// <summary>The table servers and the control server of the distributed deployment.</summary>
    public IReadOnlyList<VndServerProcess> Distributed => _processes[..3];

    public VndServerProcess Single => _processes[3];

    public static DistributedCluster Start(string vndDll, string work, string imported, string tenant, int port)
    {
        var cluster = new DistributedCluster(port + 2, port + 3);
        try
        {
            var servers = new List<string>();
            string[] tables = [HopTraces.InTable, HopTraces.OutTable];
            for (var index = 0; index < tables.Length; index++)
            {
                var table = tables[index];
                var data = Path.Combine(work, "ts-" + table);
                if (Directory.Exists(data))
                    Directory.Delete(data, recursive: true);
                Link(imported, data, tenant, table);
                var listen = $"127.0.0.1:{port + index}";
                cluster._processes.Add(VndServerProcess.Start(vndDll, $"table-server --data {data} --listen {listen} --token {Token}", port + index));
                servers.Add(listen);
            }
            var control = Path.Combine(work, "control");
            if (Directory.Exists(control))
                Directory.Delete(control, recursive: true);
            Directory.CreateDirectory(control);
            // The control server binds queries against its own catalog, so it sees the tables too; the table servers'
            // listings place them at their capture points, and no scan of them runs here.
            foreach (var table in tables)
                Link(imported, control, tenant, table);
            cluster._processes.Add(VndServerProcess.Start(vndDll,
                $"serve --data {control} --listen 127.0.0.1:{cluster.DistributedPort} --no-tls --no-demo --table-servers {string.Join(',', servers)} --token {Token}",
                cluster.DistributedPort));
            cluster._processes.Add(VndServerProcess.Start(vndDll, imported, cluster.SinglePort, 20));
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>CPU time of the distributed deployment's three processes together.</summary>
    public TimeSpan DistributedCpu => Distributed.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.CpuTime);

    public void Dispose()
    {
        foreach (var process in _processes)
            process.Dispose();
        _processes.Clear();
    }

    /// <summary>
    /// A table server's data directory holding one table of <paramref name="imported"/> by a symbolic link: segments
    /// are immutable and only read, so both deployments read the same files (and 10M rows are not copied).
    /// </summary>
    private static void Link(string imported, string data, string tenant, string table)
    {
        var schema = Path.Combine(data, "tables", tenant);
        Directory.CreateDirectory(schema);
        Directory.CreateSymbolicLink(Path.Combine(schema, table), Path.Combine(imported, "tables", tenant, table));
    }
}
