using System.Globalization;
using Vnd.Engine.Sessions;

namespace Vnd.Engine.Tests.Sessions;

/// <summary>
/// A nanosecond pcap imported with docs/examples/tcp-trace.cfg: its ts column is stored in nanoseconds, while
/// date_trunc and ts + interval are microsecond timestamps in the plan. A sort or top-N over such a computed column
/// once read the nanosecond values as microseconds (a year past 9999: an unhandled exception in <c>vnd query</c>),
/// because the physical plan compared vector layouts (int64) and not the timestamps' units.
/// </summary>
public sealed class NanosecondTraceQueryTests : IDisposable
{
    private const string Capture = "zeek_http_get-to-ssh-server.pcap";
    private readonly ImportedCapture _capture = new("linktypes/" + Capture);

    public void Dispose() => _capture.Dispose();

    private QueryResult Sql(string sql) => _capture.Sql(sql);

    [Fact]
    public void Millisecond_buckets_group_and_sort_like_tshark()
    {
        var expected = QueryEndToEndTests.Truth(Capture)
            .Where(r => r["tcp.srcport"].Length > 0)
            .GroupBy(r => Math.Floor(decimal.Parse(r["frame.time_epoch"], CultureInfo.InvariantCulture) * 1000))
            .OrderBy(g => g.Key)
            .Select(g => $"{DateTime.UnixEpoch.AddMilliseconds((double)g.Key):yyyy-MM-dd HH:mm:ss.fff}|{g.Count()}")
            .ToList();
        Assert.True(expected.Count > 3);

        var rows = Sql("select date_trunc('milliseconds', ts), count(*) from packets group by 1 order by 1").Rows;

        Assert.Equal(expected, rows.Select(r => $"{(DateTime)r[0]!:yyyy-MM-dd HH:mm:ss.fff}|{r[1]}").ToList());
    }

    [Fact]
    public void A_shifted_timestamp_sorts_and_limits_by_its_value()
    {
        var times = Sql("select ts from packets order by ts").Rows.Select(r => (DateTime)r[0]!).ToList();

        var top = Sql("select x from (select ts + interval '1 second' x from packets group by 1) s order by 1 desc limit 2").Rows;

        Assert.Equal(times.AsEnumerable().Reverse().Take(2).Select(t => t.AddSeconds(1)), top.Select(r => (DateTime)r[0]!));
    }
}
