using System.CommandLine;
using System.Diagnostics;
using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Joins;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Bench.Joins;

/// <summary>
/// <c>bench joins</c>: the paper's join shapes over two in-memory trace tables of N packets (In and Out of one hop,
/// columns id, ts, flow, seq; Out misses 1% of In's packets and is shuffled): the RTT pair join on (flow, seq),
/// the one-hop delay join on id, loss as an anti join on id, and a semi join. Each is run twice; the second,
/// steady-state run is reported, as wall time and as the process's CPU time (less
/// sensitive to other processes on a loaded machine). Compare figures only against runs made under the same machine load.
/// </summary>
public static class JoinBenchmark
{
    private static readonly SqlType[] Types = [SqlType.Int8, SqlType.Int8, SqlType.Int4, SqlType.Int8];

    public static Command Build()
    {
        var rows = new Option<int>("--rows") { Description = "packets per table", DefaultValueFactory = _ => 10_000_000 };
        var parallelism = new Option<int>("--parallelism") { Description = "worker threads", DefaultValueFactory = _ => 2 };
        var command = new Command("joins", "hash joins over in-memory In/Out trace tables") { rows, parallelism };
        command.SetAction(r => Run(r.GetValue(rows), r.GetValue(parallelism)));
        return command;
    }

    private static int Run(int rows, int parallelism)
    {
        var (inTable, outTable) = Tables(rows);
        Console.WriteLine($"tables: {rows:N0} rows each, parallelism {parallelism}, load {File.ReadAllText("/proc/loadavg").Trim()}");
        var id = Expr.Column(0, SqlType.Int8);
        var flow = Expr.Column(2, SqlType.Int4);
        var seq = Expr.Column(3, SqlType.Int8);
        var joins = new (string Name, Func<PhysicalOperator> Plan)[]
        {
            ("rtt pair  In ⋈ Out on (flow, seq)", () => new HashJoinOperator(Scan(inTable), Scan(outTable), [flow, seq], [flow, seq], JoinType.Inner)),
            ("delay     In ⋈ Out on id", () => new HashJoinOperator(Scan(inTable), Scan(outTable), [id], [id], JoinType.Inner)),
            ("loss      In ▷ Out on id (anti)", () => new HashJoinOperator(Scan(inTable), Scan(outTable), [id], [id], JoinType.Anti)),
            ("reached   In ⋉ Out on id (semi)", () => new HashJoinOperator(Scan(inTable), Scan(outTable), [id], [id], JoinType.Semi)),
        };
        foreach (var (name, plan) in joins)
        {
            Time(plan(), parallelism);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (count, elapsed) = Time(plan(), parallelism);
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"{name,-36} {elapsed.TotalMilliseconds,8:F0} ms wall {cpu.TotalMilliseconds,8:F0} ms cpu {count,12:N0} rows");
        }
        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static TableScanOperator Scan(InMemoryTable table) => new(table);

    private static (long Rows, TimeSpan Elapsed) Time(PhysicalOperator join, int parallelism)
    {
        var watch = Stopwatch.StartNew();
        using var context = new QueryContext(default, null, parallelism);
        using var stream = new GatherOperator(join).Open(context);
        long count = 0;
        while (stream.Next() is { } batch)
            count += batch.ActiveCount;
        return (count, watch.Elapsed);
    }

    /// <summary>In: packets 0..N-1 of 4096 flows, in order. Out: the same packets minus every 100th, shuffled
    /// (a deterministic seed), with a later timestamp.</summary>
    private static (InMemoryTable In, InMemoryTable Out) Tables(int rows)
    {
        var inTable = new InMemoryTable(Types, ["id", "ts", "flow", "seq"]);
        var outTable = new InMemoryTable(Types, ["id", "ts", "flow", "seq"]);
        var order = new int[rows];
        for (var i = 0; i < rows; i++)
            order[i] = i;
        new Random(7).Shuffle(order);
        var batch = new Batch(Types);
        Fill(inTable, batch, rows, i => i, 0);
        Fill(outTable, batch, rows, i => order[i] % 100 == 0 ? -1 : order[i], 1_000);
        return (inTable, outTable);
    }

    private static void Fill(InMemoryTable table, Batch batch, int rows, Func<int, int> packet, long delay)
    {
        for (var start = 0; start < rows; start += Batch.Capacity)
        {
            batch.Reset();
            var ids = batch[0].Data<long>();
            var ts = batch[1].Data<long>();
            var flows = batch[2].Data<int>();
            var seqs = batch[3].Data<long>();
            var n = 0;
            for (var i = start; i < Math.Min(rows, start + Batch.Capacity); i++)
            {
                var p = packet(i);
                if (p < 0)
                    continue;
                ids[n] = p;
                ts[n] = (p * 10L) + delay;
                flows[n] = p % 4096;
                seqs[n] = (p / 4096) * 1448L;
                n++;
            }
            batch.Count = n;
            table.Append(batch);
        }
    }
}
