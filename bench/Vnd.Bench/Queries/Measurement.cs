namespace Vnd.Bench.Queries;

/// <summary>
/// One engine's figures for one query: the median wall time and process CPU time of the timed runs (after
/// <c>warmup</c> untimed runs, with a pause after each so tiered compilation's background tier-1 code is in place), the rows returned, or the error that stopped it. CPU time is the benchmark process's, so it
/// covers VND and DuckDB (both in process) but only the client side of PostgreSQL.
/// </summary>
public sealed record Measurement(TimeSpan Wall, TimeSpan Cpu, long Rows, string? Error)
{
    public bool Failed => Error is not null;

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
            for (var i = 0; i < repeat; i++)
            {
                var cpu = Environment.CpuUsage.TotalTime;
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                var outcome = engine.Run(sql);
                walls[i] = System.Diagnostics.Stopwatch.GetElapsedTime(start);
                cpus[i] = Environment.CpuUsage.TotalTime - cpu;
                if (outcome.Rows != rows)
                    return new Measurement(walls[i], cpus[i], outcome.Rows, $"row count changed between runs ({rows} then {outcome.Rows})");
            }
            Array.Sort(walls);
            Array.Sort(cpus);
            return new Measurement(walls[repeat / 2], cpus[repeat / 2], rows, null);
        }
#pragma warning disable CA1031 // a benchmark reports an engine's failure on one query and goes on with the next
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Measurement(TimeSpan.Zero, TimeSpan.Zero, -1, e.GetType().Name + ": " + e.Message.Split('\n')[0]);
        }
    }
}
