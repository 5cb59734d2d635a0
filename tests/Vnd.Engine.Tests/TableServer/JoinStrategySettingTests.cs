using Npgsql;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// <c>SET vnd.join_strategy</c> forces the planner's strategy for joins across capture points (for measuring):
/// every forced value returns the auto plan's rows, EXPLAIN names the forced strategy, EXPLAIN ANALYZE still
/// reports true exchange counts, and an unknown value is PostgreSQL's invalid_parameter_value.
/// </summary>
[Collection(AnalyzeCollection.Name)]
public sealed class JoinStrategySettingTests(DistributedDemo demo)
{
    public static TheoryData<bool, string, string, string> Forced
    {
        get
        {
            var data = new TheoryData<bool, string, string, string>();
            foreach (var embedded in (bool[])[true, false])
            {
                data.Add(embedded, ExplainAnalyzeDistributedTests.Delay, "ship_smaller", "Ship(Left|Right)");
                data.Add(embedded, ExplainAnalyzeDistributedTests.Delay, "ship_both", "ShipBothToCoordinator");
                data.Add(embedded, ExplainAnalyzeDistributedTests.Delay, "semijoin_reduction", "Reduce(Left|Right)");
                data.Add(embedded, ExplainAnalyzeDistributedTests.Loss, "ship_smaller", "Ship(Left|Right)");
                data.Add(embedded, ExplainAnalyzeDistributedTests.Loss, "ship_both", "ShipBothToCoordinator");
                data.Add(embedded, ExplainAnalyzeDistributedTests.Loss, "semijoin_reduction", "ShipRightKeys");
                data.Add(embedded, ExplainAnalyzeDistributedTests.Loss, "set_reconciliation", "SetReconciliation");
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Forced))]
    public async Task A_forced_strategy_returns_the_same_rows_and_explain_names_it(bool embedded, string sql, string value, string strategy)
    {
        var port = embedded ? demo.EmbeddedPort : demo.DistributedPort;
        await using var connection = new NpgsqlConnection(DistributedDemo.ConnectionString(port, "tenant1"));
        await connection.OpenAsync();
        var auto = await DistributedDemo.Rows(connection, sql);

        await DistributedDemo.Rows(connection, "set vnd.join_strategy = " + value);

        Assert.Equal(value, Assert.Single(await DistributedDemo.Rows(connection, "show vnd.join_strategy")));
        Assert.Equal(auto, await DistributedDemo.Rows(connection, sql));
        var plan = await DistributedDemo.Rows(connection, "explain " + sql);
        var join = ExplainAnalyzeDistributedTests.JoinLine().Match(Assert.Single(plan, l => ExplainAnalyzeDistributedTests.JoinLine().IsMatch(l)));
        Assert.Matches("^" + strategy + "$", join.Groups["strategy"].Value);
        await ExplainAnalyzeDistributedTests.AssertActualsAreTrue(port, await DistributedDemo.Rows(connection, "explain analyze " + sql));
    }

    [Fact]
    public async Task An_unknown_strategy_is_invalid_parameter_value_and_keeps_the_setting()
    {
        await using var connection = new NpgsqlConnection(DistributedDemo.ConnectionString(demo.EmbeddedPort, "tenant1"));
        await connection.OpenAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => DistributedDemo.Rows(connection, "set vnd.join_strategy = 'broadcast'"));

        Assert.Equal("22023", error.SqlState);
        Assert.Contains("semijoin_reduction", error.Hint, StringComparison.Ordinal);
        Assert.Equal("auto", Assert.Single(await DistributedDemo.Rows(connection, "show vnd.join_strategy")));
        Assert.Equal("auto", Assert.Single(await DistributedDemo.Rows(connection, "select setting from pg_settings where name = 'vnd.join_strategy'")));
    }
}
