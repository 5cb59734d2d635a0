using System.Globalization;
using Npgsql;
using Vnd.Tests.Shared;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// A control server in front of table servers keeps the captures tenants attach over the wire (<c>COPY … FROM
/// STDIN (FORMAT pcap)</c>) in its own data directory, which no table server holds: they stay visible and queryable
/// beside the table servers' tables, read at the coordinator, and can be joined with them.
/// </summary>
[Collection(AnalyzeCollection.Name)]
public sealed class RemoteAttachTests(DistributedDemo demo) : IClassFixture<DistributedDemo>
{
    [Fact]
    public async Task A_capture_copied_in_over_the_wire_is_listed_and_queried_beside_the_table_servers_tables()
    {
        await using var connection = new NpgsqlConnection(DistributedDemo.ConnectionString(demo.DistributedPort, "tenant2"));
        await connection.OpenAsync();
        var started = await DistributedDemo.Rows(connection, """
            select vnd.start_diagnosis('attached', $c$
            Appliance Type Node : web1
            Capture Point input
            Flow Pattern tcp.port = 80
            $c$, $p$
            Trace ID all
            Table ID web
            Fields: timestamp as ts, ip.src as src_ip
            $p$)
            """);
        Assert.Single(started);
        var table = Assert.Single(await DistributedDemo.Rows(connection, "select table_name from vnd.diagnoses where diagnosis = 'attached'"));
        await using (var copy = await connection.BeginRawBinaryCopyAsync($"COPY {table} FROM STDIN (FORMAT pcap)"))
        {
            var bytes = await File.ReadAllBytesAsync(SharedData.Pcap("tcp/zeek_http_no_crlf.pcap"));
            await copy.WriteAsync(bytes);
        }

        var frames = File.ReadAllLines(SharedData.Truth("zeek_http_no_crlf.pcap")).Length - 1;
        Assert.Equal([frames.ToString(CultureInfo.InvariantCulture)], await DistributedDemo.Rows(connection, $"select count(*) from {table}"));
        Assert.Equal([frames.ToString(CultureInfo.InvariantCulture)],
            await DistributedDemo.Rows(connection, $"select rows from vnd.diagnoses where table_name = '{table}'"));
        Assert.Contains(table, await DistributedDemo.Rows(connection, "select relname from pg_class where relkind = 'r'"));
        // Joined with a table server's table: the attached capture is read here, lb_in's side at its table server.
        var joined = await DistributedDemo.Rows(connection, $"select count(*) from (select distinct src_ip from {table}) a, (select count(*) from lb_in) l");
        Assert.NotEqual("0", Assert.Single(joined));
    }
}
