using System.Globalization;
using Vnd.Engine.Cli;
using Vnd.Executor.Remote;
using Vnd.Executor.Storage;
using Vnd.Planner.Distributed;
using Vnd.Tests.Shared;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// What a table server reports per column beyond integer bounds: stored bytes, and the byte-ordered bounds of
/// macaddr and inet6 columns, folded over the segments of two imports (two IPv6 captures into one table).
/// </summary>
public sealed class ColumnStatisticsReportTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vnd-colstats-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Bytes_and_address_bounds_of_every_column_are_those_of_the_manifest()
    {
        var data = Path.Combine(_root, "data");
        var config = Path.Combine(_root, "v6.cfg");
        Directory.CreateDirectory(_root);
        File.WriteAllText(config, "Trace ID all\nTable ID v6\nFilter: ipv6\nFields: timestamp as ts, eth.src as mac, ipv6.src as src6, ipv6.dst as dst6\n");
        foreach (var pcap in (string[])["ipv6/packetnet_ipv6_http.pcap", "ipv6/zeek_ftp_ipv6-multiline-reply.pcap"])
            Assert.Equal(0, VndCommandLine.Build().Parse(["import", "--data", data, "--tenant", "t1", "--parse", config, SharedData.Pcap(pcap)]).Invoke());
        var table = new TraceTableStore(data).OpenTable(new TableRef("t1", "v6"));
        Assert.True(table.Segments.Count >= 2);
        await using var server = await TwoCapturePoints.Start(data);
        using var client = new TableServerClient(new Site("v6"), server.Endpoint, TwoCapturePoints.Token);

        var info = Assert.Single(await client.ListTablesAsync());

        foreach (var name in (string[])["mac", "src6", "dst6"])
        {
            var c = Enumerable.Range(0, table.Schema.Count).Single(i => table.Schema[i].Name == name);
            var metadata = info.Schema.GetFieldByName(name).Metadata;
            var segments = table.Segments.Select(s => s.Columns[c]).ToList();
            Assert.Equal(segments.Sum(s => s.ByteSize).ToString(CultureInfo.InvariantCulture), metadata[TableServerProtocol.BytesKey]);
            // Hexadecimal of equal-length values orders as the bytes do.
            Assert.Equal(segments.Select(s => Convert.ToHexString(s.MinBytes!)).Min(StringComparer.Ordinal), metadata[TableServerProtocol.MinBytesKey]);
            Assert.Equal(segments.Select(s => Convert.ToHexString(s.MaxBytes!)).Max(StringComparer.Ordinal), metadata[TableServerProtocol.MaxBytesKey]);
            Assert.NotEqual(metadata[TableServerProtocol.MinBytesKey], metadata[TableServerProtocol.MaxBytesKey]);
        }
    }
}
