using System.CommandLine;
using System.Globalization;
using Vnd.Executor.Storage;

namespace Vnd.Bench.Queries;

/// <summary>
/// <c>bench queries</c>: the paper's diagnosis queries over In/Out trace tables of one hop, on VND (embedded), on
/// DuckDB (in memory, threads = 2) and on PostgreSQL 15, in one run over the same rows; prints wall and CPU time,
/// rows/s, the ratios VND/DuckDB and VND/PG and their geometric means, and fails if the engines disagree on a
/// row count.
/// </summary>
public static class QueryBenchmark
{
    public static Command Build()
    {
        var rows = new Option<long>("--rows") { Description = "packets in the In table", DefaultValueFactory = _ => 1_000_000 };
        var repeat = new Option<int>("--repeat") { Description = "timed runs per query on VND and DuckDB (median reported)", DefaultValueFactory = _ => 3 };
        var warmup = new Option<int>("--warmup")
        {
            Description = "untimed runs per query on VND and DuckDB first (the JIT's tier-1 code and DuckDB's caches: the steady state of a server)",
            DefaultValueFactory = _ => 3,
        };
        var pgRepeat = new Option<int>("--postgres-repeat") { Description = "timed runs per query on PostgreSQL", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--duckdb-threads") { Description = "DuckDB's threads setting", DefaultValueFactory = _ => 2 };
        var skipPostgres = new Option<bool>("--skip-postgres") { Description = "run VND and DuckDB only" };
        var only = new Option<string?>("--only") { Description = "run only the queries whose name contains this text" };
        var work = new Option<DirectoryInfo>("--work")
        {
            Description = "scratch directory (trace tables are kept there and reused)",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(Path.GetTempPath(), "vnd-bench-queries")),
        };
        var explain = new Option<bool>("--explain") { Description = "print VND's EXPLAIN ANALYZE of each query instead of timing the engines" };
        var command = new Command("queries", "the paper's diagnosis queries on VND, DuckDB and PostgreSQL 15") { rows, repeat, warmup, pgRepeat, threads, skipPostgres, only, work, explain };
        command.SetAction(r => r.GetValue(explain)
            ? Explain(r.GetValue(rows), r.GetValue(only), r.GetRequiredValue(work))
            : Run(r.GetValue(rows), Math.Max(1, r.GetValue(repeat)), Math.Max(1, r.GetValue(warmup)), Math.Max(1, r.GetValue(pgRepeat)), r.GetValue(threads),
                r.GetValue(skipPostgres), r.GetValue(only), r.GetRequiredValue(work)));
        return command;
    }

    private static int Run(long rows, int repeat, int warmup, int pgRepeat, int threads, bool skipPostgres, string? only, DirectoryInfo work)
    {
        work.Create();
        Console.WriteLine($"bench queries: {rows:N0} rows, {Environment.ProcessorCount} cores, load {LoadAverage()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        // Tiered compilation runs a query's first calls in unoptimised code; the figures differ a lot with it off.
        Console.WriteLine($"DOTNET_TieredCompilation={Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? "(unset: tiered)"}, {warmup} warm-up runs per query");
        var store = HopTraces.Prepare(work.FullName, rows, snap: 96);
        var inRows = store.RowCount(new TableRef(HopTraces.Tenant, HopTraces.InTable));
        var outRows = store.RowCount(new TableRef(HopTraces.Tenant, HopTraces.OutTable));
        using var vnd = new VndQueryEngine(store);
        using var duck = new DuckDbQueryEngine(threads);
        duck.Load(vnd, HopTraces.InTable);
        duck.Load(vnd, HopTraces.OutTable);
        using var postgres = skipPostgres ? null : new PostgresQueryEngine(Path.Combine(work.FullName, "pg"), 55444);
        postgres?.Load(vnd, HopTraces.InTable);
        postgres?.Load(vnd, HopTraces.OutTable);

        IQueryEngine[] engines = postgres is null ? [vnd, duck] : [vnd, duck, postgres];
        var queries = DiagnosisQueries.All.Where(q => only is null || q.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        var results = new List<(DiagnosisQuery Query, Measurement[] ByEngine)>();
        Console.WriteLine($"load before queries: {LoadAverage()}");
        var cpuBefore = Environment.CpuUsage.TotalTime;
        foreach (var query in queries)
        {
            var measured = engines.Select(e => Measurement.Take(e, query.Text(e.Name), e == postgres ? pgRepeat : repeat, e == postgres ? 1 : warmup)).ToArray();
            results.Add((query, measured));
            Console.WriteLine($"  {query.Name}: " + string.Join(", ", engines.Select((e, i) => $"{e.Name} {Describe(measured[i])}")));
            foreach (var (e, i) in engines.Select((e, i) => (e, i)).Where(x => measured[x.i].Runs.Count > 0))
                Console.WriteLine($"    {e.Name} runs (wall/CPU, minor faults): {string.Join("; ", measured[i].Runs)}");
        }
        Console.WriteLine($"load after queries: {LoadAverage()}, process CPU during queries {(Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds:F1} s");
        return ResultTable.Print(results, engines.Select(e => e.Name).ToArray(), inRows, outRows);
    }

    /// <summary>VND's EXPLAIN ANALYZE of each query (second run, after a warm-up): where a query's time goes.</summary>
    private static int Explain(long rows, string? only, DirectoryInfo work)
    {
        work.Create();
        var store = HopTraces.Prepare(work.FullName, rows, snap: 96);
        using var vnd = new VndQueryEngine(store);
        foreach (var query in DiagnosisQueries.All.Where(q => only is null || q.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            var sql = query.Text(vnd.Name);
            vnd.Explain(sql);
            Console.WriteLine($"{query.Name} (load {LoadAverage()}):");
            foreach (var line in vnd.Explain(sql))
                Console.WriteLine("  " + line);
        }
        return 0;
    }

    private static string Describe(Measurement m) =>
        m.Failed ? "FAILED " + m.Error : $"{m.Wall.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms ({m.Rows:N0} rows)";

    internal static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();
}
