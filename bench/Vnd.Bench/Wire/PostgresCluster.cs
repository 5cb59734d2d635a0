using System.Diagnostics;

namespace Vnd.Bench.Wire;

/// <summary>
/// A throwaway PostgreSQL 15 cluster (the anchor of <c>bench wire</c>): initdb into a directory, SCRAM
/// authentication on loopback TCP, started with pg_ctl. PostgreSQL refuses to run as root, so as root the
/// binaries run as the <c>postgres</c> user that Debian's package creates.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _directory;

    private PostgresCluster(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>
    /// Starts the cluster in <paramref name="directory"/>, creating it first unless an earlier run left one there
    /// (the wire bench keeps its loaded table between runs: copying 10M rows takes minutes).
    /// </summary>
    /// <param name="settings">extra server settings, e.g. <c>-c shared_buffers=2GB</c></param>
    public static PostgresCluster Start(string directory, int port, string superuserPassword, int maxConnections, string settings = "")
    {
        if (!File.Exists(Path.Combine(Bin, "postgres")))
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({Bin}); scripts/prerequisites.sh installs postgresql-15");
        Directory.CreateDirectory(directory);
        var data = Path.Combine(directory, "data");
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            var passwordFile = Path.Combine(directory, "pw");
            File.WriteAllText(passwordFile, superuserPassword + "\n");
            Own(directory);
            Run("initdb", $"-D {data} -U postgres -A scram-sha-256 --pwfile={passwordFile} --no-sync");
        }
        var cluster = new PostgresCluster(directory, port);
        Run("pg_ctl", $"-D {data} -w -l {Path.Combine(directory, "log")} -o \"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections={maxConnections + 10} -c fsync=off {settings}\" start");
        return cluster;
    }

    /// <summary>CPU time of the postmaster and its reaped backends so far (a backend counts once it has exited).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            var pidFile = Path.Combine(_directory, "data", "postmaster.pid");
            return ServerCpu.Of(int.Parse(File.ReadLines(pidFile).First(), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void Dispose() => Run("pg_ctl", $"-D {Path.Combine(_directory, "data")} -m fast -w stop");

    private static bool IsRoot => Environment.UserName == "root";

    private static void Own(string directory)
    {
        if (IsRoot)
            Exec("chown", $"-R postgres {directory}");
    }

    private static void Run(string tool, string arguments)
    {
        var path = Path.Combine(Bin, tool);
        if (IsRoot)
            Exec("runuser", $"-u postgres -- {path} {arguments}");
        else
            Exec(path, arguments);
    }

    private static void Exec(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {stderr.Result}");
    }
}
