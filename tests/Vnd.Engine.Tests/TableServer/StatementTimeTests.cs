using Vnd.Engine.Catalog;
using Vnd.Executor.Storage;
using Vnd.Planner.Binding;
using Vnd.Planner.Distributed;
using Vnd.Planner.Rules;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// Fragments run at the table servers fold now(), statement_timestamp() and 'now' to the coordinator's times, as
/// PostgreSQL's are one value everywhere within a statement: here the coordinator's clock is set to just after the
/// capture (2015-01-12) while the in-process table servers keep the machine's, so a fragment reading its own clock
/// would return 2026's time and filter every packet out. The same tickets carry the session's TimeZone.
/// </summary>
public sealed class StatementTimeTests(TwoCapturePoints sites) : IClassFixture<TwoCapturePoints>
{
    private static readonly DateTime Statement = new(2015, 1, 12, 6, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime BlockStart = new(2015, 1, 12, 5, 59, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("select now(), statement_timestamp(), count(*) from ingress where ts > now() - interval '1 day'", true)]
    [InlineData("select now(), statement_timestamp(), count(*) from ingress where ts > now() - interval '1 day'", false)]
    [InlineData("select count(*), max(extract(epoch from statement_timestamp() - ts)) from egress where ts > 'now'::timestamptz - interval '2 days'", true)]
    [InlineData("select count(*), min(current_timestamp - o.ts) from ingress i join egress o on i.id = o.id " +
                "where i.ts > now() - interval '1 day' and o.ts > statement_timestamp() - interval '2 days'", true)]
    public async Task Fragments_see_the_coordinators_statement_and_transaction_times(string sql, bool inBlock)
    {
        var now = inBlock ? BlockStart : Statement;
        var expected = sites.Local(sql
            .Replace("statement_timestamp()", Literal(Statement), StringComparison.Ordinal)
            .Replace("now()", Literal(now), StringComparison.Ordinal)
            .Replace("current_timestamp", Literal(now), StringComparison.Ordinal)
            .Replace("'now'::timestamptz", Literal(now), StringComparison.Ordinal));
        await AssertScansAtTableServers(sql);

        var rows = await sites.Executed(sql, new FixedClock(Statement), inBlock ? BlockStart : null);

        Assert.Equal(expected, rows);
        Assert.NotEqual(sites.Local(sql), expected); // the machine's clock would answer otherwise
    }

    /// <summary>
    /// The ticket also carries the session's TimeZone: fragments read timestamptz calendars (::date, ::time, extract,
    /// date_trunc, zoneless literals) in it, not in UTC. The expected rows are the local (UTC) answer with ts read
    /// explicitly as Asia/Kolkata's wall-clock time, and differ from the UTC answer.
    /// </summary>
    [Theory]
    [InlineData("select extract(hour from ts)::int4, date_trunc('hour', ts)::timestamp::text, ts::date::text, count(*) from ingress group by 1, 2, 3",
        "select extract(hour from z)::int4, date_trunc('hour', z)::text, z::date::text, count(*) from (select timezone('Asia/Kolkata', ts) z from ingress) s group by 1, 2, 3")]
    [InlineData("select count(*), min(ts::time)::text from egress where extract(minute from ts) >= 30",
        "select count(*), min(z::time)::text from (select timezone('Asia/Kolkata', ts) z from egress) s where extract(minute from z) >= 30")]
    [InlineData("select count(*) from ingress i join egress o on i.id = o.id where i.ts::time >= '11:30' and o.ts < '2015-01-12 12:00'",
        "select count(*) from ingress i join egress o on i.id = o.id where timezone('Asia/Kolkata', i.ts)::time >= '11:30' and o.ts < timestamptz '2015-01-12 12:00+05:30'")]
    public async Task Fragments_compute_in_the_coordinators_session_zone(string sql, string inUtc)
    {
        var expected = sites.Local(inUtc);
        await AssertScansAtTableServers(sql);

        var rows = await sites.Executed(sql, zone: TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));

        Assert.Equal(expected, rows);
        Assert.NotEqual(sites.Local(sql), expected); // UTC would answer otherwise
    }

    /// <summary>The expressions run where the rows are: every fragment of <paramref name="sql"/> that reads a table is at a table server.</summary>
    private async Task AssertScansAtTableServers(string sql)
    {
        var bound = new Binder(new TraceCatalog(new TraceTableStore(sites.Combined), "t1")).Bind(sql);
        var plan = new DistributedPlanner(await sites.Reported()).Plan(Optimizer.Default.Optimize(bound.Plan).Plan);
        Assert.All(plan.Fragments.Where(f => PlanRewrite.Scans(f.Plan).Any(s => !ExchangeScan.TryGetProducer(s, out _))),
            f => Assert.False(f.Site.IsCoordinator));
    }

    private static string Literal(DateTime utc) => $"timestamptz '{utc:yyyy-MM-dd HH:mm:ss}+00'";

    /// <summary>The coordinator's clock, stopped at one instant.</summary>
    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc);
    }
}
