using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Vnd.Executor.Tests.Slt;

/// <summary>
/// A throwaway PostgreSQL 15 cluster: initdb into a temp directory, started with pg_ctl on a free loopback port,
/// stopped and deleted on dispose. PostgreSQL refuses to run as root, so under root the server commands run as
/// the <c>postgres</c> user through runuser. Binaries come from VND_PG_BIN, else /usr/lib/postgresql/15/bin
/// (scripts/prerequisites.sh installs them).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly string? _runAs;

    public PostgresServer()
    {
        _bin = Environment.GetEnvironmentVariable("VND_PG_BIN") is { Length: > 0 } bin ? bin : "/usr/lib/postgresql/15/bin";
        if (!File.Exists(Path.Combine(_bin, "initdb")))
            throw new InvalidOperationException($"PostgreSQL 15 binaries not found in {_bin}: run scripts/prerequisites.sh (apt postgresql-15) or set VND_PG_BIN");
        _runAs = Environment.UserName == "root" ? "postgres" : null;
        _root = Directory.CreateTempSubdirectory("vnd-pg-").FullName;
        Port = FreePort();
        if (_runAs is not null)
            Run("chown", $"-R {_runAs} {_root}");
        Server("initdb", $"-D {_root}/data -U postgres --auth=trust --encoding=UTF8 --locale=C --no-sync");
        Server("pg_ctl", $"-D {_root}/data -l {_root}/log -w -t 60 -o \"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c TimeZone=UTC\" start");
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timezone=UTC;Pooling=false";

    public void Dispose()
    {
        try
        {
            Server("pg_ctl", $"-D {_root}/data -m immediate -w stop");
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private void Server(string tool, string arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (_runAs is null)
            Run(path, arguments);
        else
            Run("runuser", $"-u {_runAs} -- {path} {arguments}");
    }

    private static void Run(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {error} {output.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
