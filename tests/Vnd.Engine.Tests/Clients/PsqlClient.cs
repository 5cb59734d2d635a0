using System.Diagnostics;

namespace Vnd.Engine.Tests.Clients;

/// <summary>
/// psql 15 as a simple-protocol client: <c>-c</c> sends the text as one Query message, exactly as pgx's
/// <c>PgConn().Exec(rawSQL)</c> (Grafana 12) and lib/pq do, and prints unaligned text rows.
/// </summary>
public static class PsqlClient
{
    /// <param name="password">the user's password; a tenant's demo password is its name</param>
    public static (int ExitCode, string[] Rows, string Errors) Run(int port, string user, string sql, string database = "vnd", string? password = null) =>
        Start(["-X", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1", $"host=127.0.0.1 port={port} user={user} dbname={database} sslmode=require", "-c", sql], password ?? user, sql);

    /// <summary>Each command as its own Query message in one session, going on after an error (psql's default).</summary>
    public static (int ExitCode, string[] Rows, string Errors) RunEach(int port, string user, params string[] commands) =>
        Start(["-X", "-A", "-t", "-F", "|", $"host=127.0.0.1 port={port} user={user} dbname=vnd sslmode=require", .. commands.SelectMany(c => new[] { "-c", c })],
            user, string.Join("; ", commands));

    private static (int ExitCode, string[] Rows, string Errors) Start(string[] arguments, string password, string sql)
    {
        var info = new ProcessStartInfo("psql", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("psql did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            Assert.Fail($"psql did not finish: {sql}");
        }
        return (process.ExitCode, stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries), stderr.Result);
    }

    public static string[] Rows(int port, string user, string sql)
    {
        var (exitCode, rows, errors) = Run(port, user, sql);
        Assert.True(exitCode == 0, $"psql failed ({exitCode}) on {sql}: {errors}");
        return rows;
    }
}
