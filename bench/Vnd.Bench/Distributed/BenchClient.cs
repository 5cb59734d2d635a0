using System.Diagnostics;
using Npgsql;

namespace Vnd.Bench.Distributed;

/// <summary>
/// One session to a VND server: statements, EXPLAIN ANALYZE, and timed runs (the median wall time of
/// <c>repeat</c> runs after one warm-up, with the CPU the server processes used over all of them).
/// </summary>
public sealed class BenchClient(int port, string user) : IDisposable
{
    private readonly NpgsqlConnection _connection = Open(port, user);

    public List<string> Rows(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = 3600 };
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var values = new string[reader.FieldCount];
            for (var c = 0; c < values.Length; c++)
                values[c] = reader.IsDBNull(c) ? "NULL" : Convert.ToString(reader.GetValue(c), System.Globalization.CultureInfo.InvariantCulture)!;
            rows.Add(string.Join("|", values));
        }
        return rows;
    }

    public AnalyzedPlan Analyze(string sql) => AnalyzedPlan.Parse(Rows("explain analyze " + sql));

    public (TimeSpan Median, TimeSpan Cpu, List<string> Result) Time(string sql, int repeat, Func<TimeSpan> serverCpu)
    {
        var result = Rows(sql);
        var times = new List<TimeSpan>();
        var cpu = serverCpu();
        for (var i = 0; i < repeat; i++)
        {
            var clock = Stopwatch.StartNew();
            Rows(sql);
            times.Add(clock.Elapsed);
        }
        times.Sort();
        return (times[times.Count / 2], (serverCpu() - cpu) / repeat, result);
    }

    public void Dispose() => _connection.Dispose();

    private static NpgsqlConnection Open(int port, string user)
    {
        var connection = new NpgsqlConnection(
            $"Host=127.0.0.1;Port={port};Username={user};Password={user};Database={user};SSL Mode=Disable;Pooling=false;" +
            "Server Compatibility Mode=NoTypeLoading;Timeout=60");
        connection.Open();
        return connection;
    }
}
