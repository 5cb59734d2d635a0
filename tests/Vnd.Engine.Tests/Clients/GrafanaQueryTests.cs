using System.Globalization;
using Vnd.Engine.Tests.Serve;

namespace Vnd.Engine.Tests.Clients;

/// <summary>
/// What Grafana 12's PostgreSQL data source sends (read from grafana/grafana: macros.go, postgresMetaQuery.ts,
/// pgx/sql_engine.go; summarised in shared/docs/pg-clients.md §3): health checks, the configuration page's
/// version probe, and panel queries with <c>$__timeFilter</c>, <c>$__timeGroupAlias</c> and
/// <c>$__unixEpochFilter</c> expanded as Grafana expands them — each one simple Query message with text results.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class GrafanaQueryTests(ServeFixture fixture)
{
    private const string Tenant = "tenant2";

    private string[] Rows(string sql) => PsqlClient.Rows(fixture.Port, Tenant, sql);

    /// <summary>The dashboard's time range: the capture's first and last second, as RFC 3339 UTC literals.</summary>
    private (string From, string To, long FromEpoch, long ToEpoch) Range()
    {
        var row = fixture.Embedded(Tenant, "select floor(extract(epoch from min(ts))), ceil(extract(epoch from max(ts))) from packets").Rows[0];
        var from = Convert.ToInt64(row[0], CultureInfo.InvariantCulture);
        var to = Convert.ToInt64(row[1], CultureInfo.InvariantCulture);
        static string Rfc3339(long epoch) => DateTimeOffset.FromUnixTimeSeconds(epoch).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return (Rfc3339(from), Rfc3339(to), from, to);
    }

    [Theory]
    [InlineData("-- ping")]
    [InlineData(";")]
    public void Health_checks_succeed_with_no_rows(string sql)
    {
        Assert.Empty(Rows(sql));
    }

    [Fact]
    public void The_configuration_page_reads_a_postgresql_major_version()
    {
        var version = int.Parse(Rows("SELECT current_setting('server_version_num')::int/100 as version").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(version, 1500, 1699);
    }

    [Fact]
    public void A_time_series_panel_counts_every_packet_of_the_range_once_per_second()
    {
        var (from, to, fromEpoch, toEpoch) = Range();
        var rows = Rows(
            "SELECT floor(extract(epoch from ts)/1)*1 AS \"time\", count(*) AS packets FROM packets " +
            $"WHERE ts BETWEEN '{from}' AND '{to}' GROUP BY 1 ORDER BY 1");
        Assert.NotEmpty(rows);
        var seconds = rows.Select(r => long.Parse(r.Split('|')[0], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(seconds.Order(), seconds);
        Assert.All(seconds, s => Assert.InRange(s, fromEpoch, toEpoch));
        var total = rows.Sum(r => long.Parse(r.Split('|')[1], CultureInfo.InvariantCulture));
        Assert.Equal(Convert.ToInt64(fixture.Embedded(Tenant, "select count(*) from packets").Rows[0][0], CultureInfo.InvariantCulture), total);
    }

    [Fact]
    public void A_long_format_panel_is_sorted_by_time_with_a_metric_column()
    {
        var (from, to, _, _) = Range();
        var rows = Rows(
            "SELECT floor(extract(epoch from ts)/5)*5 AS \"time\", src_ip::text AS metric, sum(payload_length) AS bytes FROM packets " +
            $"WHERE ts BETWEEN '{from}' AND '{to}' GROUP BY 1, 2 ORDER BY 1, 2");
        var times = rows.Select(r => long.Parse(r.Split('|')[0], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(times.Order(), times);
        Assert.All(times, t => Assert.Equal(0, t % 5));
        Assert.Equal(
            Convert.ToInt64(fixture.Embedded(Tenant, "select sum(payload_length) from packets").Rows[0][0], CultureInfo.InvariantCulture),
            rows.Sum(r => long.Parse(r.Split('|')[2], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Unix_epoch_filters_and_nanosecond_alert_ranges_select_the_same_packets()
    {
        var (from, to, fromEpoch, toEpoch) = Range();
        var epoch = Rows(
            "SELECT count(*) FROM (SELECT floor(extract(epoch from ts))::int8 AS sec FROM packets) s " +
            $"WHERE sec >= {fromEpoch} AND sec <= {toEpoch}").Single();
        var nanos = Rows(
            $"SELECT count(*) FROM packets WHERE ts BETWEEN '{from.Replace("Z", ".000000000Z", StringComparison.Ordinal)}' AND '{to.Replace("Z", ".999999999Z", StringComparison.Ordinal)}'").Single();
        var all = Convert.ToString(fixture.Embedded(Tenant, "select count(*) from packets").Rows[0][0], CultureInfo.InvariantCulture);
        Assert.Equal(all, epoch);
        Assert.Equal(all, nanos);
    }

    [Fact]
    public void Several_statements_in_one_query_return_each_result()
    {
        Assert.Equal(["1", "2"], Rows("SELECT 1 AS x; SELECT 2 AS x"));
    }
}
