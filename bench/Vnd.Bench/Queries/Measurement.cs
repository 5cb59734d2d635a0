namespace Vnd.Bench.Queries;

/// <summary>
/// One engine's figures for one query: the median wall time and process CPU time of the timed runs (after
/// <c>warmup</c> untimed runs, with a pause after each so tiered compilation's background tier-1 code is in place), the rows returned, or the error that stopped it. CPU time is the benchmark process's, so it
/// covers VND and DuckDB (both in process) but only the client side of PostgreSQL. <see cref="Runs"/> keeps every
/// timed run's wall, CPU, the process's minor page faults, allocations, collections, GC pause and context switches,
/// because a median hides the run-to-run swings (fresh memory faulted in, a GC pause, threads preempted or waiting)
/// that decide whether a query is reliably fast.
/// </summary>
public sealed record Measurement(TimeSpan Wall, TimeSpan Cpu, long Rows, string? Error)
{
    public bool Failed => Error is not null;

    /// <summary>Each timed run in order (empty when the query failed).</summary>
    public IReadOnlyList<RunFigures> Runs { get; init; } = [];

    /// <summary>The median of the timed runs' minor page faults.</summary>
    public long Faults => Runs.Count == 0 ? 0 : Runs.Select(r => r.MinorFaults).Order().ElementAt(Runs.Count / 2);

    public static Measurement Take(IQueryEngine engine, string sql, int repeat, int warmup = 1)
    {
        try
        {
            var rows = engine.Run(sql).Rows;
            for (var w = 1; w < warmup; w++)
            {
                // The runtime promotes hot methods to tier 1 on a background thread after a short delay.
                Thread.Sleep(150);
                engine.Run(sql);
            }
            var walls = new TimeSpan[repeat];
            var cpus = new TimeSpan[repeat];
            var runs = new RunFigures[repeat];
            for (var i = 0; i < repeat; i++)
            {
                var faults = MinorFaults();
                var gen0 = GC.CollectionCount(0);
                var gen1 = GC.CollectionCount(1);
                var gen2 = GC.CollectionCount(2);
                var pause = GC.GetTotalPauseDuration();
                var allocated = GC.GetTotalAllocatedBytes(true);
                var switches = ContextSwitches.Read();
                var cpu = Environment.CpuUsage.TotalTime;
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                var outcome = engine.Run(sql);
                walls[i] = System.Diagnostics.Stopwatch.GetElapsedTime(start);
                cpus[i] = Environment.CpuUsage.TotalTime - cpu;
                var after = ContextSwitches.Read();
                runs[i] = new RunFigures(walls[i], cpus[i], MinorFaults() - faults, GC.CollectionCount(2) - gen2)
                {
                    Gen0Collections = GC.CollectionCount(0) - gen0,
                    Gen1Collections = GC.CollectionCount(1) - gen1,
                    GcPause = GC.GetTotalPauseDuration() - pause,
                    AllocatedBytes = GC.GetTotalAllocatedBytes(true) - allocated,
                    VoluntarySwitches = after.Voluntary - switches.Voluntary,
                    InvoluntarySwitches = after.Involuntary - switches.Involuntary,
                };
                if (outcome.Rows != rows)
                    return new Measurement(walls[i], cpus[i], outcome.Rows, $"row count changed between runs ({rows} then {outcome.Rows})");
            }
            Array.Sort(walls);
            Array.Sort(cpus);
            return new Measurement(walls[repeat / 2], cpus[repeat / 2], rows, null) { Runs = runs };
        }
#pragma warning disable CA1031 // a benchmark reports an engine's failure on one query and goes on with the next
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Measurement(TimeSpan.Zero, TimeSpan.Zero, -1, e.GetType().Name + ": " + e.Message.Split('\n')[0]);
        }
    }

    /// <summary>The process's minor page faults so far: field 10 of /proc/self/stat (after the parenthesised name).</summary>
    private static long MinorFaults()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>One timed run: wall and process CPU time, the process's minor page faults, its collections by
/// generation with the time the GC paused it, and its threads' context switches (voluntary: waited; involuntary:
/// preempted).</summary>
public sealed record RunFigures(TimeSpan Wall, TimeSpan Cpu, long MinorFaults, int Gen2Collections)
{
    public int Gen0Collections { get; init; }

    public int Gen1Collections { get; init; }

    public TimeSpan GcPause { get; init; }

    /// <summary>Managed bytes allocated during the run, all threads (what brings the next gen-0 collection closer).</summary>
    public long AllocatedBytes { get; init; }

    public long VoluntarySwitches { get; init; }

    public long InvoluntarySwitches { get; init; }

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Wall.TotalMilliseconds:F0}/{Cpu.TotalMilliseconds:F0} ms {MinorFaults:N0} flt {AllocatedBytes / 1024:N0} KiB" +
        $"{(Gen0Collections + Gen1Collections + Gen2Collections > 0 ? $" gc {Gen0Collections}/{Gen1Collections}/{Gen2Collections} pause {GcPause.TotalMilliseconds:F1} ms" : "")}" +
        $" cs {VoluntarySwitches}/{InvoluntarySwitches}");
}
