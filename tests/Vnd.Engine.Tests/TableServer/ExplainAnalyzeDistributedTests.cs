using System.Globalization;
using System.Text.RegularExpressions;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// EXPLAIN ANALYZE through <c>vnd serve</c>, embedded and over table-server processes, of joins between two capture
/// points (A and B of the demo, at different table servers): every exchange reports the rows it really moved —
/// checked against counts taken by ordinary queries for whichever strategy the planner chose — bytes that are
/// positive and near the prediction, and the result fragment the query's own row count.
/// </summary>
[Collection(AnalyzeCollection.Name)]
public sealed partial class ExplainAnalyzeDistributedTests(DistributedDemo demo)
{
    internal const string Delay = "select count(*) from a i join b o on i.id = o.id";
    internal const string Loss = "select count(*) from a where not exists (select 1 from b where b.id = a.id)";

    [Theory]
    [InlineData(true, Delay)]
    [InlineData(false, Delay)]
    [InlineData(true, Loss)]
    [InlineData(false, Loss)]
    public async Task Every_exchange_reports_the_rows_it_really_moved_and_bytes_near_the_prediction(bool embedded, string sql)
    {
        var port = embedded ? demo.EmbeddedPort : demo.DistributedPort;
        var plan = await DistributedDemo.Rows(port, "tenant1", "explain analyze " + sql);

        await AssertActualsAreTrue(port, plan);
        Assert.Matches(@"^Fragment \d+ at ""[^""]+"" \(result\) \(actual rows=1 time=\d+\.\d{3} ms\)$",
            Assert.Single(plan, l => l.Contains("(result)", StringComparison.Ordinal)));
        Assert.Contains(plan, l => l.StartsWith("Execution Time: ", StringComparison.Ordinal));
    }

    /// <summary>
    /// Checks the exchanges of an analyzed delay or loss plan against the true counts for the strategy its join line
    /// names; shared with the forced-strategy tests.
    /// </summary>
    internal static async Task AssertActualsAreTrue(int port, List<string> plan)
    {
        var join = JoinLine().Match(Assert.Single(plan, l => JoinLine().IsMatch(l)));
        var (left, right, strategy) = (join.Groups["left"].Value, join.Groups["right"].Value, join.Groups["strategy"].Value);
        var all = AnalyzedExchange.All(plan);
        var exchanges = all.FindAll(e => e.Rows >= 0);
        var expected = strategy switch
        {
            "ShipLeft" => [await Count(port, left)],
            "ShipRight" => [await Count(port, right)],
            "ShipBothToCoordinator" => [await Count(port, left), await Count(port, right)],
            "ReduceLeft" => [await Distinct(port, right), await Matching(port, left, right)],
            "ReduceRight" => [await Distinct(port, left), await Matching(port, right, left)],
            "ShipRightKeys" => new List<long> { await Distinct(port, right) },
            // The table's rows (header and chunks) are fixed by the plan; the retry (double table, its rows as
            // measured) and the fallback keys move only if it did not peel.
            "SetReconciliation" => [
                all.Single(e => e.Kind == "SetSketch" && e.PredictedRows > 0).PredictedRows,
                .. exchanges.Where(e => e.Kind == "SetSketch" && e.PredictedRows == 0).Select(e => e.Rows),
                .. exchanges.Any(e => e.Kind == "DistinctKeys") ? [await Distinct(port, right)] : new List<long>(),
                // An aggregate decomposed over the join: the partial's summary row and the keys only at the sketch's
                // site (none when both tables hold the same ids), and the other side's rows only if a check failed.
                .. exchanges.Any(e => e.Kind == "Rows" && e.PredictedRows > 0)
                    ? [exchanges.Single(e => e.Kind == "Rows" && e.PredictedRows > 0).Rows is var partial &&
                       (partial == 1 || partial == 1 + await OnlyIn(port, left, right) || partial == 1 + await OnlyIn(port, right, left)) ? partial : -1]
                    : new List<long>(),
                .. exchanges.Any(e => e.Kind == "Rows" && e.PredictedRows == 0)
                    ? [exchanges.Single(e => e.Kind == "Rows" && e.PredictedRows == 0).Rows is var moved &&
                       (moved == await Count(port, left) || moved == await Count(port, right)) ? moved : -1]
                    : new List<long>(),
            ],
            _ => throw new InvalidOperationException("unexpected strategy " + strategy),
        };
        Assert.Equal(expected.Order().ToList(), exchanges.Select(e => e.Rows).Order().ToList());
        foreach (var exchange in exchanges)
        {
            Assert.True(exchange.Bytes > 0, string.Join('\n', plan));
            var ratio = (double)exchange.Bytes / Math.Max(1, exchange.PredictedBytes);
            Assert.InRange(ratio, 0.1, 10);
        }
        var total = long.Parse(Assert.Single(plan, l => l.StartsWith("Actual bytes moved: ", StringComparison.Ordinal))["Actual bytes moved: ".Length..],
            CultureInfo.InvariantCulture);
        Assert.True(total >= exchanges.Sum(e => e.Bytes), string.Join('\n', plan));
    }

    private static async Task<long> Count(int port, string table) => await Scalar(port, $"select count(*) from {table}");

    private static async Task<long> OnlyIn(int port, string table, string other) =>
        await Scalar(port, $"select count(distinct id) from {table} where id not in (select id from {other})");

    private static async Task<long> Distinct(int port, string table) => await Scalar(port, $"select count(distinct id) from {table}");

    private static async Task<long> Matching(int port, string reduced, string other) =>
        await Scalar(port, $"select count(*) from {reduced} where id in (select id from {other})");

    private static async Task<long> Scalar(int port, string sql) =>
        long.Parse(Assert.Single(await DistributedDemo.Rows(port, "tenant1", sql)), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\w+ join (?<left>[ab]) x (?<right>[ab]) at .*: (?<strategy>\w+) \(rows=\d+\)$")]
    internal static partial Regex JoinLine();
}
