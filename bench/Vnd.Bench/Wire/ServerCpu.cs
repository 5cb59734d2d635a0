using System.Globalization;

namespace Vnd.Bench.Wire;

/// <summary>
/// CPU time a server process has used, read from <c>/proc/PID/stat</c>: its own user + system time plus that of
/// its reaped children. The children term is what makes PostgreSQL comparable: each connection is a forked backend
/// that the postmaster reaps when the client disconnects, so the postmaster's delta across a measurement includes
/// the backend that served it. On a shared machine rows per server-CPU-second is steadier than rows per second.
/// </summary>
public static class ServerCpu
{
    /// <summary>Kernel clock ticks per second (USER_HZ): 100 on every Linux the bench targets.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is parenthesised and may contain spaces: fields are counted after its ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = 0;
        for (var field = 11; field <= 14; field++) // utime, stime, cutime, cstime (stat fields 14–17)
            ticks += long.Parse(fields[field], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
