using System.Globalization;
using System.Net;
using Vnd.Engine.Cli;
using Vnd.Engine.Tests.Clients;
using Vnd.Tests.Shared;
using Vnd.Wire.Hosting;

namespace Vnd.Engine.Tests.Demo;

/// <summary>
/// The README's demo session, through psql against <c>vnd serve</c>'s embedded default (demo cloud, demo traffic
/// seeded at start): \dt, the metadata view, loss and delay finding the IDS, a diagnosis started over SQL, another
/// tenant's node refused like a missing one — and a restart that finds tenants, diagnoses and tables intact.
/// </summary>
public sealed class ReadmeSessionTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "vnd-readme-" + Guid.NewGuid().ToString("N"));
    private PgServer _server = null!;
    private IDisposable _state = null!;

    private ServeOptions Options => new(new DirectoryInfo(_data), new IPEndPoint(IPAddress.Loopback, 0), null, NoTls: false, "vnd", null, SeedDemo: true);

    private int Port => _server.LocalEndPoints[0].Port;

    public async Task InitializeAsync()
    {
        await ServeCommand.SeedDemoAsync(Options, TextWriter.Null);
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_data, recursive: true);
    }

    private async Task StartAsync()
    {
        (_server, _, _state) = ServeCommand.Create(Options);
        await _server.StartAsync();
    }

    private async Task StopAsync()
    {
        await _server.DisposeAsync();
        _state.Dispose();
    }

    private string[] Psql(string user, string sql) => PsqlClient.Rows(Port, user, sql);

    private static string Query(string name) => DemoQueries.Get(name);

    [Fact]
    public async Task The_readme_session_finds_the_ids_bottleneck_and_survives_a_restart()
    {
        Assert.Equal(["tenant1|a|table|tenant1", "tenant1|b|table|tenant1", "tenant1|c|table|tenant1", "tenant1|packets|table|tenant1"],
            Psql("tenant1", "\\dt"));
        Assert.Equal(["demo|a|link A at re", "demo|b|link B at ids", "demo|c|link C at server"],
            Psql("tenant1", "select diagnosis, table_name, capture_point from vnd.diagnoses order by table_name"));

        var loss = Psql("tenant1", Query("loss")).ToDictionary(r => r.Split('|')[0], r => long.Parse(r.Split('|')[1], CultureInfo.InvariantCulture));
        Assert.Equal(0, loss["re"]);
        Assert.InRange(loss["ids"], 50, 1000);

        // Before client2 joins (second < start + 10) both hops are fast; afterwards only the IDS queues.
        var ids = Delays(Psql("tenant1", Query("delay_ids")));
        var re = Delays(Psql("tenant1", Query("delay_re")));
        var join = ids.Keys.Min() + 10;
        Assert.All(ids.Where(d => d.Key < join), d => Assert.InRange(d.Value, 0.1, 1.0));
        Assert.All(ids.Where(d => d.Key > join && d.Key < ids.Keys.Max()), d => Assert.InRange(d.Value, 5.0, 50.0));
        Assert.All(re, d => Assert.InRange(d.Value, 0.1, 1.0));

        var before = Psql("tenant1", "select count(*) from b");
        Assert.StartsWith("diagnosis web", Assert.Single(Psql("tenant2", """
            select vnd.start_diagnosis('web', $c$
            Appliance Type Node : web1
            Capture Point input
            Flow Pattern tcp.port = 80
            $c$, $p$
            Trace ID all
            Table ID web
            Filter: tcp
            Fields: timestamp as ts, ip.src as src, tcp.seq as seq
            $p$)
            """)), StringComparison.Ordinal);
        var other = PsqlClient.Run(Port, "tenant2", StartOn("re"));
        var missing = PsqlClient.Run(Port, "tenant2", StartOn("zz"));
        Assert.NotEqual(0, other.ExitCode);
        Assert.Equal(missing.Errors.Replace("\"zz\"", "\"re\"", StringComparison.Ordinal), other.Errors);

        await StopAsync();
        await StartAsync();
        Assert.Contains("web|web_web1_in", Psql("tenant2", "select diagnosis, table_name from vnd.diagnoses"));
        Assert.Equal(before, Psql("tenant1", "select count(*) from b"));
    }

    [Fact]
    public async Task A_tenant_attaches_its_own_capture_over_the_wire_with_copy_from_stdin_format_pcap()
    {
        Psql("tenant2", StartOn("web1").Replace("'x'", "'offline'", StringComparison.Ordinal).Replace("Table ID x", "Table ID web", StringComparison.Ordinal));
        var table = Assert.Single(Psql("tenant2", "select table_name from vnd.diagnoses where diagnosis = 'offline'"));
        var capture = SharedData.Pcap("tcp/zeek_http_no_crlf.pcap");
        var copied = PsqlClient.Run(Port, "tenant2", $"\\copy {table} from '{capture}' (format pcap)");
        Assert.True(copied.ExitCode == 0, copied.Errors);
        var rows = long.Parse(Assert.Single(Psql("tenant2", $"select count(*) from {table}")), CultureInfo.InvariantCulture);
        Assert.True(rows > 0);
        Assert.Equal($"{rows}", Assert.Single(Psql("tenant2", $"select rows from vnd.diagnoses where table_name = '{table}'")));
        var frames = File.ReadAllLines(SharedData.Truth("zeek_http_no_crlf.pcap")).Length - 1;
        Assert.Equal($"{frames}|0", Assert.Single(Psql("tenant2", $"select packets_read, packets_dropped from vnd.diagnoses where table_name = '{table}'")));

        // A second capture, snap-length cut and torn inside its last record, accumulates: 23 more packets, 1 lost.
        var torn = Path.Combine(_data, "torn.pcap");
        await File.WriteAllBytesAsync(torn, (await File.ReadAllBytesAsync(SharedData.Pcap("truncated/zeek_tcp_truncated-header.pcap")))[..^10]);
        var tornCopy = PsqlClient.Run(Port, "tenant2", $"\\copy {table} from '{torn}' (format pcap)");
        Assert.True(tornCopy.ExitCode == 0, tornCopy.Errors);
        var counted = $"select packets_read, packets_dropped, decode_errors > 0, rows = packets_read from vnd.diagnoses where table_name = '{table}'";
        Assert.Equal($"{frames + 23}|1|t|t", Assert.Single(Psql("tenant2", counted)));
        await StopAsync();
        await StartAsync();
        Assert.Equal($"{frames + 23}|1|t|t", Assert.Single(Psql("tenant2", counted)));

        var refused = PsqlClient.Run(Port, "tenant2", $"\\copy {table} from '{typeof(ReadmeSessionTests).Assembly.Location}' (format pcap)");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("FORMAT pcap", refused.Errors, StringComparison.Ordinal);   // the importer's reason follows
        var other = PsqlClient.Run(Port, "tenant2", $"\\copy tenant1.b from '{capture}' (format pcap)");
        var missing = PsqlClient.Run(Port, "tenant2", $"\\copy tenant1.zz from '{capture}' (format pcap)");
        Assert.Equal(missing.Errors.Replace("zz", "b", StringComparison.Ordinal), other.Errors);
    }

    private static string StartOn(string node) => $"""
        select vnd.start_diagnosis('x', $c$
        Appliance Type Node : {node}
        Capture Point input
        Flow Pattern tcp.port = 80
        $c$, $p$
        Trace ID all
        Table ID x
        Fields: timestamp as ts
        $p$)
        """;

    private static Dictionary<long, double> Delays(string[] rows) =>
        rows.Select(r => r.Split('|')).ToDictionary(
            f => long.Parse(f[0], CultureInfo.InvariantCulture), f => double.Parse(f[1], CultureInfo.InvariantCulture));
}
