using System.Globalization;

namespace Vnd.Bench.Distributed;

/// <summary>Prints every figure of <c>bench distributed</c>, per query and as a Markdown table for docs/benchmarks.md.</summary>
public static class DistributedReport
{
    public static void Print(IReadOnlyList<QueryFigures> all)
    {
        foreach (var q in all)
        {
            Console.WriteLine();
            Console.WriteLine($"== {q.Query.Name}: {q.Query.Sql}");
            Console.WriteLine($"  single-process   {Ms(q.Single)} ms (server CPU {Ms(q.SingleCpu)} ms)");
            Console.WriteLine($"  distributed auto {Ms(q.Distributed)} ms (CPU of the 3 processes {Ms(q.DistributedCpu)} ms), strategy {q.Auto.Strategy}, " +
                $"bytes predicted {Bytes(q.Auto.PredictedBytes)} actual {Bytes(q.Auto.ActualBytes)}");
            foreach (var (choice, (plan, time)) in q.Forced)
            {
                Console.WriteLine($"  forced {choice,-18} {Ms(time)} ms, strategy {plan.Strategy}, bytes predicted {Bytes(plan.PredictedBytes)} actual {Bytes(plan.ActualBytes)}");
            }
            if (q.Query.AcrossSites)
                Console.WriteLine($"  chosen/cheapest {Ratio(q.ChosenOverCheapest)}, ship-both/chosen {Ratio(q.ShipBothOverChosen)}");
            Console.WriteLine($"  predicted/actual {Ratio(q.PredictedOverActual)}, time distributed/single {Ratio(q.TimeRatio)}");
            foreach (var (goal, met) in q.Goals())
                Console.WriteLine($"  goal {goal}: {(met ? "met" : "MISSED")}");
        }
        Console.WriteLine();
        Console.WriteLine("| query | strategy | predicted bytes | actual bytes | predicted/actual | chosen/cheapest | ship-both/chosen | distributed ms | single ms | dist/single | goals missed |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var q in all)
        {
            var missed = string.Join("; ", q.Goals().Where(g => !g.Met).Select(g => g.Goal));
            Console.WriteLine($"| {q.Query.Name} | {q.Auto.Strategy} | {Bytes(q.Auto.PredictedBytes)} | {Bytes(q.Auto.ActualBytes)} | {Ratio(q.PredictedOverActual)} | " +
                $"{(q.Query.AcrossSites ? Ratio(q.ChosenOverCheapest) : "-")} | {(q.Query.AcrossSites ? Ratio(q.ShipBothOverChosen) : "-")} | " +
                $"{Ms(q.Distributed)} | {Ms(q.Single)} | {Ratio(q.TimeRatio)} | {(missed.Length == 0 ? "none" : missed)} |");
        }
        Console.WriteLine();
        Console.WriteLine("| forced strategy | query | plan | predicted bytes | actual bytes | ms |");
        Console.WriteLine("|---|---|---|---:|---:|---:|");
        foreach (var q in all)
        {
            foreach (var (choice, (plan, time)) in q.Forced)
                Console.WriteLine($"| {choice} | {q.Query.Name} | {plan.Strategy} | {Bytes(plan.PredictedBytes)} | {Bytes(plan.ActualBytes)} | {Ms(time)} |");
        }
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture);

    private static string Bytes(double bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ratio(double ratio) => double.IsNaN(ratio) ? "-" : ratio.ToString("0.00", CultureInfo.InvariantCulture);
}
