using System.Net;
using Vnd.Engine.Cli;
using Vnd.Engine.Sessions;
using Vnd.Executor.Storage;
using Vnd.Tests.Shared;
using Vnd.Wire.Hosting;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// A data directory where tenant1 and tenant2 of the demo cloud each have a trace table called <c>packets</c>
/// (imported from two different real captures), served by <c>vnd serve</c>'s server on an ephemeral loopback
/// port with TLS and an admin login.
/// </summary>
public sealed class ServeFixture : IAsyncLifetime
{
    public const string AdminPassword = "admin-secret";
    public const string Tenant1Capture = "zeek_ssh.pcap";
    public const string Tenant2Capture = "zeek_http_no_crlf.pcap";

    public string Data { get; } = Path.Combine(Path.GetTempPath(), "vnd-serve-" + Guid.NewGuid().ToString("N"));

    public PgServer Server { get; private set; } = null!;

    public int Port => Server.LocalEndPoints[0].Port;

    public async Task InitializeAsync()
    {
        Import("tenant1", Tenant1Capture);
        Import("tenant2", Tenant2Capture);
        // A second table of tenant1 with the field types the TCP table lacks: MAC addresses and payload bytes.
        var frames = Path.Combine(Path.GetTempPath(), "vnd-serve-frames-" + Guid.NewGuid().ToString("N") + ".cfg");
        await File.WriteAllTextAsync(frames, """
            Trace ID all
            Table ID frames
            Filter: tcp
            Fields: timestamp as ts, eth.src as src_mac, ip.src as src_ip, l4.payload as payload, vnd.packet_id as id
            """);
        try
        {
            Import("tenant1", Tenant1Capture, frames);
        }
        finally
        {
            File.Delete(frames);
        }
        var options = new ServeOptions(new DirectoryInfo(Data), new IPEndPoint(IPAddress.Loopback, 0), null, NoTls: false, "vnd", AdminPassword);
        Server = ServeCommand.Create(options).Server;
        await Server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        if (Directory.Exists(Data))
            Directory.Delete(Data, recursive: true);
    }

    /// <summary>A connection string for a user (password = tenant name in the demo cloud).</summary>
    public string ConnectionString(string user, string? password = null, string database = "vnd", string extra = "") =>
        $"Host=127.0.0.1;Port={Port};Username={user};Password={password ?? user};Database={database};SSL Mode=Require;" +
        $"Trust Server Certificate=true;Server Compatibility Mode=NoTypeLoading;Pooling=false;Timeout=10;{extra}";

    /// <summary>The same SQL run in-process through QueryRunner: the reference for what the server must send.</summary>
    public QueryResult Embedded(string tenant, string sql) => new QueryRunner(new TraceTableStore(Data), tenant).Run(sql);

    private void Import(string tenant, string capture, string? parseConfig = null) => Import(Data, tenant, capture, parseConfig);

    /// <summary><c>vnd import</c> of a shared tcp capture into <paramref name="data"/> (appending when the table exists).</summary>
    public static void Import(string data, string tenant, string capture, string? parseConfig = null)
    {
        var config = parseConfig ?? Path.Combine(RepositoryRoot(), "docs", "examples", "tcp-trace.cfg");
        var rc = VndCommandLine.Build().Parse(["import", "--data", data, "--tenant", tenant, "--parse", config, SharedData.Pcap("tcp/" + capture)]).Invoke();
        Assert.Equal(0, rc);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "examples", "tcp-trace.cfg")))
                return dir.FullName;
        }
        throw new InvalidOperationException("docs/examples/tcp-trace.cfg not found above " + AppContext.BaseDirectory);
    }
}
