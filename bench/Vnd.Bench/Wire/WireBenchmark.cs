using System.CommandLine;
using System.Diagnostics;
using Npgsql;

namespace Vnd.Bench.Wire;

/// <summary>
/// <c>bench wire</c> (issue 4): the same trace table served by <c>vnd serve</c> and by PostgreSQL 15 in one run.
/// VND's table comes from <c>vnd generate</c> + <c>vnd import</c> (docs/examples/tcp-trace.cfg); PostgreSQL's is
/// copied from VND over the wire, so both hold identical rows. Figures: full <c>SELECT *</c> read by Npgsql
/// (binary, typed getters), psql <c>\copy … to stdout</c> (text), connection + SCRAM + <c>SELECT 1</c> latency, and
/// pgbench with a custom script at N concurrent connections (tps and failed transactions).
/// </summary>
public static class WireBenchmark
{
    private const string Password = "tenant1";
    private const string User = "tenant1";

    public static Command Build()
    {
        var packets = new Option<int>("--packets") { Description = "rows in the trace table", DefaultValueFactory = _ => 10_000_000 };
        var work = new Option<string>("--work") { Description = "scratch directory (data, clusters)", DefaultValueFactory = _ => "/tmp/vnd-bench-wire" };
        var connections = new Option<int>("--connections") { Description = "pgbench clients", DefaultValueFactory = _ => 200 };
        var seconds = new Option<int>("--seconds") { Description = "pgbench duration", DefaultValueFactory = _ => 15 };
        var port = new Option<int>("--port") { Description = "VND's port; PostgreSQL gets the next one", DefaultValueFactory = _ => 55433 };
        var only = new Option<string>("--only") { Description = "steps to run, comma-separated: read, copy, connect, pgbench", DefaultValueFactory = _ => "read,copy,connect,pgbench" };
        var repeat = new Option<int>("--repeat") { Description = "rounds of the chosen steps (VND and PostgreSQL alternate in each)", DefaultValueFactory = _ => 1 };
        var warmup = new Option<int>("--warmup")
        {
            Description = "untimed rounds of read and copy before the timed ones (printed, not counted)",
            DefaultValueFactory = _ => 1,
        };
        var vndOption = new Option<string?>("--vnd") { Description = "vnd.dll to serve (default: this repository's Release build); another worktree's build compares two versions on the same data" };
        var poolCompletions = new Option<bool>("--pool-completions")
        {
            Description = "leave .NET's default socket completions (epoll thread -> thread pool -> reader) in the client instead of inline ones",
        };
        var unix = new Option<bool>("--unix")
        {
            Description = "clients connect over both servers' Unix-domain sockets (Host=DIR) instead of loopback TCP",
        };
        var getters = new Option<string>("--getters")
        {
            Description = "how the Npgsql read takes each value, comma-separated variants each measured in every round: " +
                "ACCESS/NULLS/INET with ACCESS sequential|default (CommandBehavior), NULLS checked (IsDBNull, then GetInt64, " +
                "GetDateTime, ...) | nullable (GetFieldValue<long?>, ...), INET ipaddress|npgsqlinet",
            DefaultValueFactory = _ => DefaultGetters,
        };
        var command = new Command("wire", "VND's PostgreSQL server beside PostgreSQL 15 on the same table")
        {
            packets, work, connections, seconds, port, only, repeat, warmup, vndOption, poolCompletions, unix, getters,
        };
        command.SetAction(r => Run(r.GetValue(packets), r.GetValue(work)!, r.GetValue(connections), r.GetValue(seconds), r.GetValue(port),
            [.. r.GetValue(only)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], r.GetValue(repeat), r.GetValue(warmup), r.GetValue(vndOption),
            !r.GetValue(poolCompletions), r.GetValue(unix), ParseGetters(r.GetValue(getters)!)));
        return command;
    }

    private static int Run(int packets, string work, int connections, int seconds, int port, string[] steps, int repeat, int warmup, string? vndDll,
        bool inlineCompletions, bool unix, (string Name, ClientMeasurements.ReadGetters Getters)[] getters)
    {
        // Npgsql's synchronous Open connects with the socket non-blocking (to honour its timeout), and .NET keeps a
        // socket non-blocking once it was: every later synchronous read that finds the socket empty is woken by the
        // epoll thread through a thread-pool worker, whose hand-off and spinning cost the client more CPU than the
        // rows when the server is the slower side (docs/benchmarks.md, wire7 and wire10). Inline completions let
        // the epoll thread wake the reader itself, as a .NET app reading millions of rows synchronously should
        // configure. The runtime reads the variable once, at the first socket registration, which is later than this.
        if (inlineCompletions)
            Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
        // Absolute: a Unix-domain socket's directory is the clients' host, which they take as one only when it starts with '/'.
        work = Path.GetFullPath(work);
        var repository = RepositoryRoot();
        var vnd = vndDll ?? Path.Combine(repository, "Vnd.Engine/bin/Release/net10.0/vnd.dll");
        if (!File.Exists(vnd))
            throw new InvalidOperationException($"build Vnd.Engine in Release first ({vnd} is missing)");
        Directory.CreateDirectory(work);
        var data = Path.Combine(work, "vnd");
        PrepareVndTable(vnd, repository, work, data, packets);
        Console.WriteLine($"server: {vnd}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Trim()}");

        // PostgreSQL keeps the table an earlier run loaded (marked once the copy completed): copying 10M rows over
        // the wire takes minutes, and the rows are VND's, which do not change for a given work directory.
        var pgDirectory = Path.Combine(work, "pg");
        var loaded = Path.Combine(work, "pg-loaded");
        if (!File.Exists(loaded) && Directory.Exists(pgDirectory))
            Directory.Delete(pgDirectory, recursive: true);
        // PostgreSQL's cluster always listens in its directory too (-k); VND's socket goes beside it when asked for.
        var vndSockets = unix ? Path.Combine(work, "vnd-socket") : null;
        if (vndSockets is not null)
            Directory.CreateDirectory(vndSockets);
        using var vndServer = VndServerProcess.Start(vnd, data, port, connections + 10, vndSockets);
        using var postgres = PostgresCluster.Start(pgDirectory, port + 1, "bench", connections);
        var vndTarget = new ServerTarget("VND", port, vndSockets ?? "127.0.0.1");
        var pgTarget = new ServerTarget("PostgreSQL", port + 1, unix ? pgDirectory : "127.0.0.1");
        Console.WriteLine($"client: Npgsql over {(unix ? "Unix-domain sockets" : "loopback TCP")}, " +
            $"socket completions {(inlineCompletions ? "inline" : "through the thread pool")}");
        Console.WriteLine($"read: every value of every row with a typed getter; {string.Join("; ", getters.Select(g => Describe(g.Getters)))}");
        if (!File.Exists(loaded))
        {
            var copied = PostgresLoader.CopyTable(vndTarget.ConnectionString(User, Password), pgTarget, User, Password, "packets");
            File.WriteAllText(loaded, copied.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        Console.WriteLine($"table: {long.Parse(File.ReadAllText(loaded), System.Globalization.CultureInfo.InvariantCulture):N0} rows in both servers");

        // The first full read of a fresh server pays its JIT and tier-up, and the first read by this process pays the
        // Npgsql client's, which lands on whichever server is read first (VND). Like pgbench's warm-up and the
        // queries bench's, these rounds are shown but kept out of the timed figures, which describe a running server.
        string[] warmed = [.. steps.Where(s => s is "read" or "copy")];
        for (var round = 0; round < warmup && warmed.Length > 0; round++)
        {
            Console.WriteLine();
            Console.WriteLine($"warm-up round {round + 1} (not counted)");
            Report(Measure(vndServer, postgres, vndTarget, pgTarget, warmed, connections, seconds, work, getters));
        }
        for (var round = 0; round < repeat; round++)
            Report(Measure(vndServer, postgres, vndTarget, pgTarget, steps, connections, seconds, work, getters));
        return 0;
    }

    private static List<(string Measure, double Vnd, double Pg)> Measure(VndServerProcess vndServer, PostgresCluster postgres,
        ServerTarget vndTarget, ServerTarget pgTarget, string[] steps, int connections, int seconds, string work,
        (string Name, ClientMeasurements.ReadGetters Getters)[] getters)
    {
        var report = new List<(string Measure, double Vnd, double Pg)>();
        if (steps.Contains("read"))
        {
            foreach (var (name, variant) in getters)
                MeasureRead(vndServer, postgres, vndTarget, pgTarget, getters.Length == 1 ? "" : $" {name}", variant, report);
        }
        if (steps.Contains("copy"))
        {
            var (vndCopyRows, vndCopy, vndCopyCpu) = Measured(() => vndServer.CpuTime, () => ClientMeasurements.PsqlCopy(vndTarget, User, Password, "packets"));
            var (pgCopyRows, pgCopy, pgCopyCpu) = Measured(() => postgres.CpuTime, () => ClientMeasurements.PsqlCopy(pgTarget, User, Password, "packets"));
            Check(vndCopyRows == pgCopyRows, $"\\copy line counts differ: VND {vndCopyRows}, PostgreSQL {pgCopyRows}");
            report.Add(("psql \\copy text (rows/s)", vndCopyRows / vndCopy.TotalSeconds, pgCopyRows / pgCopy.TotalSeconds));
            report.Add(("  server CPU (s)", vndCopyCpu.TotalSeconds, pgCopyCpu.TotalSeconds));
        }
        if (steps.Contains("connect"))
        {
            var vndConnect = ClientMeasurements.ConnectLatency(vndTarget, User, Password, 100);
            var pgConnect = ClientMeasurements.ConnectLatency(pgTarget, User, Password, 100);
            report.Add(("connect+SCRAM+SELECT 1 median (ms)", vndConnect.Median, pgConnect.Median));
            report.Add(("connect+SCRAM+SELECT 1 p95 (ms)", vndConnect.P95, pgConnect.P95));
        }
        if (steps.Contains("pgbench"))
        {
            // An unmeasured run first: a fresh VND spends its first seconds compiling (JIT and tier-up), which
            // would otherwise be charged to the 15 s run's transactions and hide what a statement costs.
            WarmUp(vndTarget, connections, work);
            WarmUp(pgTarget, connections, work);
            var vndCpu = vndServer.CpuTime;
            var vndBench = ClientMeasurements.Pgbench(vndTarget, User, Password, connections, seconds, work);
            vndCpu = vndServer.CpuTime - vndCpu;
            var pgCpu = postgres.CpuTime;
            var pgBench = ClientMeasurements.Pgbench(pgTarget, User, Password, connections, seconds, work);
            Thread.Sleep(500);
            pgCpu = postgres.CpuTime - pgCpu;
            report.Add(($"pgbench {connections} clients (tps)", vndBench.Tps, pgBench.Tps));
            report.Add(($"pgbench {connections} clients (failed)", vndBench.Failed, pgBench.Failed));
            // Server CPU per transaction: under load from other processes tps moves with the machine, this far less.
            report.Add(("  server CPU per 1000 tx (ms)", 1e6 * vndCpu.TotalSeconds / (vndBench.Tps * seconds), 1e6 * pgCpu.TotalSeconds / (pgBench.Tps * seconds)));
        }
        return report;
    }

    /// <summary>
    /// 8 s of pgbench whose figures are not kept. Under load the 200 SCRAM connections alone can take seconds, so a
    /// warm-up that completed no transaction (pgbench then prints no tps) still counts as one.
    /// </summary>
    private static void WarmUp(ServerTarget target, int connections, string work)
    {
        try
        {
            ClientMeasurements.Pgbench(target, User, Password, connections, 8, work);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static void MeasureRead(VndServerProcess vndServer, PostgresCluster postgres, ServerTarget vndTarget, ServerTarget pgTarget,
        string label, ClientMeasurements.ReadGetters getters, List<(string Measure, double Vnd, double Pg)> report)
    {
        var vndClientBefore = ClientCpu();
        var (vndRows, vndRead, vndReadCpu) = Measured(() => vndServer.CpuTime, () => ClientMeasurements.NpgsqlRead(vndTarget, User, Password, "packets", getters));
        var vndClientCpu = ClientCpu() - vndClientBefore;
        var pgClientBefore = ClientCpu();
        var (pgRows, pgRead, pgReadCpu) = Measured(() => postgres.CpuTime, () => ClientMeasurements.NpgsqlRead(pgTarget, User, Password, "packets", getters));
        var pgClientCpu = ClientCpu() - pgClientBefore;
        Check(vndRows == pgRows, $"row counts differ: VND {vndRows}, PostgreSQL {pgRows}");
        report.Add(($"Npgsql binary SELECT *{label} (rows/s)", vndRows / vndRead.TotalSeconds, pgRows / pgRead.TotalSeconds));
        report.Add(("  server CPU (s)", vndReadCpu.TotalSeconds, pgReadCpu.TotalSeconds));
        // The client's own CPU next to the wall time says which side bounds the read: a client busy for nearly the
        // whole read cannot take rows any faster, however little the server spends on them.
        report.Add(("  client CPU (s)", vndClientCpu.TotalSeconds, pgClientCpu.TotalSeconds));
        report.Add(("  wall (s)", vndRead.TotalSeconds, pgRead.TotalSeconds));
    }

    /// <summary>
    /// The read's default: one nullable getter per value, which cost the client ~10 % less CPU than IsDBNull and the
    /// type's getter (two calls that each locate the column); default access and NpgsqlInet were no cheaper (wire11,
    /// docs/benchmarks.md).
    /// </summary>
    private const string DefaultGetters = "sequential/nullable/ipaddress";

    private static (string Name, ClientMeasurements.ReadGetters Getters)[] ParseGetters(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name =>
        {
            var parts = name.ToLowerInvariant().Split('/');
            if (parts is not [var access and ("sequential" or "default"), var nulls and ("checked" or "nullable"), var inet and ("ipaddress" or "npgsqlinet")])
                throw new ArgumentException($"--getters: \"{name}\" is not ACCESS/NULLS/INET (sequential|default / checked|nullable / ipaddress|npgsqlinet)");
            return (name, new ClientMeasurements.ReadGetters(access == "sequential", nulls == "nullable", inet == "npgsqlinet"));
        })];

    private static string Describe(ClientMeasurements.ReadGetters getters) =>
        $"{(getters.Sequential ? "SequentialAccess" : "default access")}, " +
        (getters.Nullable ? "GetFieldValue<long?/int?/short?/DateTime?/...>" : "IsDBNull then GetInt64/GetInt32/GetInt16/GetDateTime/...") +
        $", inet as {(getters.NpgsqlInet ? "NpgsqlInet" : "IPAddress")}";

    private static void Report(List<(string Measure, double Vnd, double Pg)> report)
    {
        Console.WriteLine();
        Console.WriteLine($"{"measure",-38} {"VND",14} {"PostgreSQL",14} {"VND/PG",8}");
        foreach (var (measure, v, p) in report)
            Console.WriteLine($"{measure,-38} {v,14:N1} {p,14:N1} {(p == 0 ? double.NaN : v / p),8:F2}");
        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    /// <summary>
    /// Runs one client measurement and the server CPU time it cost. PostgreSQL's backend is reaped (and so counted)
    /// only after the client disconnects: the second reading waits for it.
    /// </summary>
    private static (long Rows, TimeSpan Elapsed, TimeSpan ServerCpu) Measured(Func<TimeSpan> cpu, Func<(long Rows, TimeSpan Elapsed)> measure)
    {
        var before = cpu();
        var (rows, elapsed) = measure();
        Thread.Sleep(500);
        return (rows, elapsed, cpu() - before);
    }

    /// <summary>This process's CPU time: the Npgsql client's, as the bench runs nothing else meanwhile.</summary>
    private static TimeSpan ClientCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static void PrepareVndTable(string vnd, string repository, string work, string data, int packets)
    {
        if (Directory.Exists(Path.Combine(data, "tables", User, "packets")))
            return;
        var pcap = Path.Combine(work, "trace.pcap");
        Exec("dotnet", $"{vnd} generate --out {pcap} --packets {packets}");
        Exec("dotnet", $"{vnd} import --data {data} --tenant {User} --parse {Path.Combine(repository, "docs/examples/tcp-trace.cfg")} {pcap}");
        File.Delete(pcap);
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
            throw new InvalidOperationException(message);
    }

    internal static void Exec(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed with {process.ExitCode}");
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Vnd.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("run vnd-bench from inside the repository (Vnd.sln not found above it)");
    }
}
