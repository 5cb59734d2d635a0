using System.Globalization;

namespace Vnd.Bench.Ingest;

/// <summary>
/// The process's CPU time per thread name, from /proc/self/task (Linux): which share of an import's CPU is the
/// importing thread's own, and which the runtime's (tiered JIT, GC) or the table's disk thread's.
/// </summary>
internal static class ThreadCpu
{
    /// <summary>CPU seconds per thread name (threads of one name summed); empty where /proc is not there.</summary>
    public static Dictionary<string, double> Snapshot()
    {
        var byName = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!Directory.Exists("/proc/self/task"))
            return byName;
        var ticks = 100.0; // USER_HZ: 100 on every Linux the benchmark runs on
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                // Fields after the parenthesised name: state is field 3, utime 14 and stime 15.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var cpu = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ticks;
                byName[name] = byName.GetValueOrDefault(name) + cpu;
            }
            catch (IOException)
            {
                // The thread ended between listing and reading: its time is gone from both snapshots' view.
            }
        }
        return byName;
    }

    /// <summary>"name s, ..." for the threads whose CPU grew between the snapshots, largest first.</summary>
    public static string Difference(Dictionary<string, double> before, Dictionary<string, double> after)
    {
        var grown = new List<(string Name, double Seconds)>();
        foreach (var (name, seconds) in after)
        {
            var delta = seconds - before.GetValueOrDefault(name);
            if (delta > 0)
                grown.Add((name, delta));
        }
        grown.Sort((a, b) => b.Seconds.CompareTo(a.Seconds));
        return string.Join(", ", grown.ConvertAll(g => $"{g.Name} {g.Seconds:F2} s"));
    }
}
