using System.CommandLine;
using Vnd.Bench.Queries;
using Vnd.Bench.Wire;

namespace Vnd.Bench.Distributed;

/// <summary>
/// <c>bench distributed</c> (issue 6): In and Out of one hop (1% of In's packets missing from Out) on two
/// <c>vnd table-server</c> processes behind <c>vnd serve --table-servers</c>, against the same tables in one
/// <c>vnd serve</c> process. For each of the paper's queries: the bytes the plan moved (EXPLAIN ANALYZE) and the
/// bytes predicted, for the joins across capture points the bytes and time of each forced strategy
/// (<c>vnd.join_strategy</c>) next to the planner's own choice, and end-to-end times; then whether each of the
/// issue's goals is met.
/// </summary>
public static class DistributedBenchmark
{
    private const string Tenant = "tenant1";
    private static readonly string[] Strategies = ["ship_smaller", "ship_both", "semijoin_reduction", "bloom_filter", "set_reconciliation"];

    public static Command Build()
    {
        var rows = new Option<long>("--rows") { Description = "packets in the In table", DefaultValueFactory = _ => 10_000_000 };
        var repeat = new Option<int>("--repeat") { Description = "timed runs per query and deployment (median reported)", DefaultValueFactory = _ => 3 };
        var port = new Option<int>("--port") { Description = "first of four ports (two table servers, two vnd serve)", DefaultValueFactory = _ => 55460 };
        var work = new Option<DirectoryInfo>("--work")
        {
            Description = "scratch directory (trace tables are kept there and reused)",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(Path.GetTempPath(), "vnd-bench-distributed")),
        };
        var command = new Command("distributed", "distributed plans on table-server processes: bytes moved, predicted bytes, strategies, time") { rows, repeat, port, work };
        command.SetAction(r => Run(r.GetValue(rows), Math.Max(1, r.GetValue(repeat)), r.GetValue(port), r.GetRequiredValue(work)));
        return command;
    }

    private static int Run(long rows, int repeat, int port, DirectoryInfo work)
    {
        var vnd = Path.Combine(WireBenchmark.RepositoryRoot(), "Vnd.Engine/bin/Release/net10.0/vnd.dll");
        if (!File.Exists(vnd))
            throw new InvalidOperationException($"build Vnd.Engine in Release first ({vnd} is missing)");
        work.Create();
        Console.WriteLine($"bench distributed: {rows:N0} rows, {Environment.ProcessorCount} cores, load {Load()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var store = HopTraces.Prepare(work.FullName, rows, snap: 96, Tenant);
        using var cluster = DistributedCluster.Start(vnd, work.FullName, store.DataDirectory, Tenant, port);
        using var distributed = new BenchClient(cluster.DistributedPort, Tenant);
        using var single = new BenchClient(cluster.SinglePort, Tenant);
        var figures = new List<QueryFigures>();
        foreach (var query in DistributedQueries.All)
        {
            Console.WriteLine($"{query.Name}: load {Load()}");
            var (singleTime, singleCpu, singleResult) = single.Time(query.Sql, repeat, () => cluster.Single.CpuTime);
            var (distributedTime, distributedCpu, distributedResult) = distributed.Time(query.Sql, repeat, () => cluster.DistributedCpu);
            var auto = distributed.Analyze(query.Sql);
            var forced = new Dictionary<string, (AnalyzedPlan, TimeSpan)>();
            if (query.AcrossSites)
            {
                foreach (var strategy in Strategies)
                {
                    distributed.Rows("set vnd.join_strategy = " + strategy);
                    var plan = distributed.Analyze(query.Sql);
                    forced[strategy] = (plan, distributed.Time(query.Sql, repeat, () => cluster.DistributedCpu).Median);
                }
                distributed.Rows("reset vnd.join_strategy");
            }
            figures.Add(new QueryFigures(query, auto, forced, distributedTime, distributedCpu, singleTime, singleCpu,
                Same(singleResult, distributedResult)));
        }
        DistributedReport.Print(figures);
        Console.WriteLine($"load at the end {Load()}");
        return 0;
    }

    /// <summary>Rows compared as sorted text; averages may differ in the last digits when summed in another order.</summary>
    private static bool Same(List<string> a, List<string> b)
    {
        a.Sort(StringComparer.Ordinal);
        b.Sort(StringComparer.Ordinal);
        if (a.Count != b.Count)
            return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i] && !NearlyEqual(a[i], b[i]))
                return false;
        }
        return true;
    }

    private static bool NearlyEqual(string a, string b)
    {
        var (x, y) = (a.Split('|'), b.Split('|'));
        if (x.Length != y.Length)
            return false;
        for (var c = 0; c < x.Length; c++)
        {
            if (x[c] == y[c])
                continue;
            if (!double.TryParse(x[c], System.Globalization.CultureInfo.InvariantCulture, out var u) ||
                !double.TryParse(y[c], System.Globalization.CultureInfo.InvariantCulture, out var v) ||
                Math.Abs(u - v) > 1e-9 * Math.Max(1, Math.Abs(u)))
                return false;
        }
        return true;
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Trim();
}
