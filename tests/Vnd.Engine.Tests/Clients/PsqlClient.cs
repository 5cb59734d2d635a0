using System.Diagnostics;

namespace Vnd.Engine.Tests.Clients;

/// <summary>
/// psql 15 as a simple-protocol client: <c>-c</c> sends the text as one Query message, exactly as pgx's
/// <c>PgConn().Exec(rawSQL)</c> (Grafana 12) and lib/pq do, and prints unaligned text rows.
/// </summary>
public static class PsqlClient
{
    /// <param name="password">the user's password; a tenant's demo password is its name</param>
    /// <param name="environment">extra environment for psql (e.g. PGOPTIONS)</param>
    public static (int ExitCode, string[] Rows, string Errors) Run(int port, string user, string sql, string database = "vnd", string? password = null,
        IReadOnlyDictionary<string, string>? environment = null) =>
        Start(["-X", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1", $"host=127.0.0.1 port={port} user={user} dbname={database} sslmode=require", "-c", sql], password ?? user, sql, environment);

    /// <summary>Each command as its own Query message in one session, going on after an error (psql's default).</summary>
    public static (int ExitCode, string[] Rows, string Errors) RunEach(int port, string user, params string[] commands) =>
        Start(["-X", "-A", "-t", "-F", "|", $"host=127.0.0.1 port={port} user={user} dbname=vnd sslmode=require", .. commands.SelectMany(c => new[] { "-c", c })],
            user, string.Join("; ", commands), null);

    private static (int ExitCode, string[] Rows, string Errors) Start(string[] arguments, string password, string sql, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo("psql", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["PGPASSWORD"] = password;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
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

    /// <summary>psql reading a script from stdin with its normal (aligned) output, as a user at a terminal sees it.</summary>
    public static (int ExitCode, string Output, string Errors) Script(int port, string user, string script)
    {
        var info = new ProcessStartInfo("psql", ["-X", "-v", "ON_ERROR_STOP=1", $"host=127.0.0.1 port={port} user={user} dbname=vnd sslmode=require"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["PGPASSWORD"] = user;
        info.Environment["PAGER"] = "cat";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("psql did not start");
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            Assert.Fail($"psql did not finish: {script}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
