namespace Vnd.Bench.Wire;

/// <summary>
/// One server under measurement: a name for the report, its port, and where clients reach it: loopback TCP, or the
/// directory of its Unix-domain socket (<c>.s.PGSQL.&lt;port&gt;</c>, which libpq and Npgsql take as host).
/// </summary>
public sealed record ServerTarget(string Name, int Port, string Host = "127.0.0.1")
{
    /// <summary>
    /// No pooling and no type loading, identical for both servers, so that each figure measures the server and not a
    /// client cache. A 1 MiB read buffer (Npgsql's default is 8 KiB) as an app reading millions of rows would set:
    /// the client then takes what the socket holds in a few large reads instead of a system call per 8 KiB, which
    /// was a large part of the client's CPU (docs/benchmarks.md, wire10).
    /// </summary>
    public string ConnectionString(string user, string password, bool pooling = false) =>
        $"Host={Host};Port={Port};Username={user};Password={password};Database={user};SSL Mode=Disable;" +
        $"Pooling={pooling};Server Compatibility Mode=NoTypeLoading;Timeout=60;Command Timeout=0;Read Buffer Size=1048576";
}
