using System.Globalization;
using Vnd.Engine.Cli;
using Vnd.Engine.Sessions;
using Vnd.Tests.Shared;

namespace Vnd.Engine.Tests.Sessions;

/// <summary>
/// zeek_ssh.pcap imported with docs/examples/tcp-trace.cfg, then queried with SQL; every number is checked against
/// tshark's ground truth CSVs.
/// </summary>
public sealed class QueryEndToEndTests : IDisposable
{
    private const string Capture = "zeek_ssh.pcap";
    private readonly ImportedCapture _capture = new("tcp/" + Capture);

    public void Dispose() => _capture.Dispose();

    private QueryResult Sql(string sql) => _capture.Sql(sql);

    [Fact]
    public void Count_and_bytes_match_tshark()
    {
        var tcp = TruthTcpRows();
        var row = Assert.Single(Sql("select count(*), sum(payload_length) from packets").Rows);
        Assert.Equal((long)tcp.Count, Convert.ToInt64(row[0], CultureInfo.InvariantCulture));
        Assert.Equal(tcp.Sum(r => long.Parse(r["tcp.len"], CultureInfo.InvariantCulture)), Convert.ToInt64(row[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Throughput_per_second_matches_tshark()
    {
        var expected = TruthTcpRows()
            .GroupBy(r => Math.Ceiling(double.Parse(r["frame.time_epoch"], CultureInfo.InvariantCulture)))
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Key}|{g.Sum(r => long.Parse(r["tcp.len"], CultureInfo.InvariantCulture))}")
            .ToList();
        var rows = Sql("select ceil(ts), sum(payload_length) from packets group by 1 order by 1").Rows;
        Assert.Equal(expected, rows.Select(r => $"{Convert.ToDouble(r[0], CultureInfo.InvariantCulture)}|{Convert.ToInt64(r[1], CultureInfo.InvariantCulture)}").ToList());
    }

    [Fact]
    public void Handshake_rtt_by_self_join_matches_tshark_ack_rtt()
    {
        // tshark's ack_rtt of a SYN/ACK is measured from the last SYN it acknowledges; with retransmitted SYNs and
        // SYN/ACKs the smallest gap per connection is the one both sides agree on.
        var expected = Truth(Capture + ".rtt")
            .Where(r => r["tcp.flags"] == "0x0012")
            .GroupBy(r => r["tcp.dstport"])
            .Select(g => $"{g.Key}|{g.Min(r => decimal.Parse(r["tcp.analysis.ack_rtt"], CultureInfo.InvariantCulture)):0.000000}")
            .Order(StringComparer.Ordinal).ToList();
        var rows = Sql("""
            select s.src_port, min(extract(epoch from a.ts - s.ts)) from packets s join packets a
              on s.seq + 1 = a.ack and s.src_port = a.dst_port and s.dst_port = a.src_port and s.src_ip = a.dst_ip
            where s.flags = 2 and a.flags = 18 and a.ts > s.ts group by s.src_port
            """).Rows;
        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => $"{r[0]}|{Convert.ToDecimal(r[1], CultureInfo.InvariantCulture):0.000000}").Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Cli_prints_an_aligned_table_and_errors_with_sqlstate()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, QueryCommand.Run(new DirectoryInfo(_capture.Data), "t1", "select count(*) from packets", output, error));
        Assert.Equal(" count\n-------\n  1795\n(1 row)\n\n", output.ToString().ReplaceLineEndings("\n"));
        Assert.Equal(1, QueryCommand.Run(new DirectoryInfo(_capture.Data), "t1", "select * from nosuch", output, error));
        Assert.StartsWith("ERROR:  42P01: relation \"nosuch\" does not exist", error.ToString());
        // Another tenant's tables do not exist for this one.
        Assert.Equal(1, QueryCommand.Run(new DirectoryInfo(_capture.Data), "t2", "select count(*) from t1.packets", output, error));
    }

    private static List<Dictionary<string, string>> TruthTcpRows() =>
        Truth(Capture).Where(r => r["tcp.srcport"].Length > 0).ToList();

    /// <summary>tshark's CSV: every field quoted, none of the fields used here contains a comma.</summary>
    internal static IEnumerable<Dictionary<string, string>> Truth(string name)
    {
        var lines = File.ReadAllLines(SharedData.Truth(name));
        var header = lines[0].Split(',');
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length && i < fields.Length; i++)
                row[header[i]] = fields[i].Trim('"');
            yield return row;
        }
    }
}
