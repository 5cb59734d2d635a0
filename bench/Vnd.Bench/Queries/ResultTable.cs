using System.Globalization;

namespace Vnd.Bench.Queries;

/// <summary>
/// The report of <c>bench queries</c> as a Markdown table (pasted into docs/benchmarks.md): per query each
/// engine's median time, VND's and DuckDB's process CPU time and input rows/s, the ratios VND/DuckDB (wall and CPU) and VND/PG (below 1 means VND is
/// faster), and the geometric means of the ratios. Returns 1 when the engines returned different row counts.
/// </summary>
public static class ResultTable
{
    public static int Print(List<(DiagnosisQuery Query, Measurement[] ByEngine)> results, string[] engines, long inRows, long outRows)
    {
        var withPg = engines.Length > 2;
        Console.WriteLine();
        Console.WriteLine("| query | rows out | VND ms | VND CPU ms | VND input rows/s | DuckDB ms | DuckDB CPU ms |" + (withPg ? " PG ms |" : "") +
                          " VND/DuckDB | CPU VND/DuckDB |" + (withPg ? " VND/PG |" : ""));
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|" + (withPg ? "---:|" : "") + "---:|---:|" + (withPg ? "---:|" : ""));
        var duckRatios = new List<double>();
        var pgRatios = new List<double>();
        var cpuRatios = new List<double>();
        var mismatches = 0;
        foreach (var (query, m) in results)
        {
            var vnd = m[0];
            var input = query.Tables == 1 ? inRows : inRows + outRows;
            var rowCounts = m.Where(x => !x.Failed).Select(x => x.Rows).Distinct().Count();
            if (rowCounts > 1)
                mismatches++;
            var rows = rowCounts > 1 ? "MISMATCH " + string.Join("/", m.Select(x => x.Rows.ToString("N0", CultureInfo.InvariantCulture))) : m.First(x => !x.Failed || x == m[^1]).Rows.ToString("N0", CultureInfo.InvariantCulture);
            var line = $"| {query.Name} | {rows} | {Ms(vnd)} | {CpuMs(vnd)} | " +
                       $"{(vnd.Failed ? "—" : (input / vnd.Wall.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture))} | {Ms(m[1])} | {CpuMs(m[1])} |";
            if (withPg)
                line += $" {Ms(m[2])} |";
            line += $" {Ratio(vnd, m[1], duckRatios, cpu: false)} | {Ratio(vnd, m[1], cpuRatios, cpu: true)} |";
            if (withPg)
                line += $" {Ratio(vnd, m[2], pgRatios, cpu: false)} |";
            Console.WriteLine(line);
        }
        Console.WriteLine($"| geometric mean | | | | | | | {(withPg ? "| " : "")}{Geomean(duckRatios)} | {Geomean(cpuRatios)} |{(withPg ? $" {Geomean(pgRatios)} |" : "")}");
        foreach (var (query, m) in results)
        {
            for (var e = 0; e < m.Length; e++)
            {
                if (m[e].Failed)
                    Console.WriteLine($"{engines[e]} failed {query.Name}: {m[e].Error}");
            }
        }
        if (mismatches > 0)
            Console.WriteLine($"{mismatches} queries returned different row counts on different engines");
        return mismatches > 0 ? 1 : 0;
    }

    private static string Ms(Measurement m) => m.Failed ? "error" : m.Wall.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture);

    private static string CpuMs(Measurement m) => m.Failed ? "—" : m.Cpu.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ratio(Measurement vnd, Measurement other, List<double> ratios, bool cpu)
    {
        if (vnd.Failed || other.Failed)
            return "—";
        var ratio = cpu ? vnd.Cpu.TotalSeconds / other.Cpu.TotalSeconds : vnd.Wall.TotalSeconds / other.Wall.TotalSeconds;
        ratios.Add(ratio);
        return ratio.ToString("F2", CultureInfo.InvariantCulture) + "×";
    }

    private static string Geomean(List<double> ratios) =>
        ratios.Count == 0 ? "—" : Math.Exp(ratios.Average(Math.Log)).ToString("F2", CultureInfo.InvariantCulture) + "×";
}
