using System.Net;
using Vnd.Engine.Cli;
using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Tests.Clients;
using Vnd.Tests.Shared;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// Per-tenant storage quotas (issue 5 §4) as a tenant meets them over the wire: once its trace tables hold its
/// byte quota, the next capture it copies in is refused with 53400 and a message that says why and what to do.
/// </summary>
public sealed class QuotaTests : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "vnd-quota-" + Guid.NewGuid().ToString("N"));
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        var cloud = Path.Combine(_work, "cloud.yaml");
        // tenant2 may keep 4 kB of traces: one small capture fills it.
        await File.WriteAllTextAsync(cloud, DemoCloud.Yaml.Replace("maxBytes: 268435456", "maxBytes: 4096", StringComparison.Ordinal));
        _server = await RunningServer.StartAsync(new ServeOptions(new DirectoryInfo(Path.Combine(_work, "data")), new IPEndPoint(IPAddress.Loopback, 0),
            new FileInfo(cloud), NoTls: false, "vnd", null));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public void A_tenant_over_its_byte_quota_gets_53400_with_the_reason_and_keeps_what_it_has()
    {
        var port = _server.Port;
        PsqlClient.Rows(port, "tenant2", """
            select vnd.start_diagnosis('lbdiag', $c$
            Appliance Type Node : lb
            Capture Point input
            $c$, $p$
            Trace ID all
            Fields: timestamp as ts, ip.src as src, ip.dst as dst, tcp.seq as seq
            $p$)
            """);
        var capture = SharedData.Pcap("tcp/zeek_http_no_crlf.pcap");
        var first = PsqlClient.Run(port, "tenant2", $"\\copy lb_in from '{capture}' (format pcap)");
        Assert.True(first.ExitCode == 0, first.Errors);
        var held = PsqlClient.Rows(port, "tenant2", "select rows, bytes >= 4096 from vnd.diagnoses where table_name = 'lb_in'");

        var second = PsqlClient.Run(port, "tenant2", $"\\copy lb_in from '{capture}' (format pcap)");

        Assert.NotEqual(0, second.ExitCode);
        Assert.Matches(@"ERROR:  tenant tenant2 holds \d+ bytes of traces, the most its quota allows \(4096\); drop a diagnosis to free storage", second.Errors);
        var verbose = PsqlClient.RunEach(port, "tenant2", "\\set VERBOSITY verbose", $"\\copy lb_in from '{capture}' (format pcap)", "select 1");
        Assert.Contains("ERROR:  53400: tenant tenant2 holds", verbose.Errors, StringComparison.Ordinal);
        Assert.Equal("1", verbose.Rows[^1]);   // the session goes on
        Assert.Equal(held, PsqlClient.Rows(port, "tenant2", "select rows, bytes >= 4096 from vnd.diagnoses where table_name = 'lb_in'"));
        Assert.EndsWith("|t", Assert.Single(held), StringComparison.Ordinal);
    }
}
