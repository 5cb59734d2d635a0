using System.Globalization;
using Npgsql;
using Vnd.Engine.Catalog;
using Vnd.Engine.Sessions;
using Vnd.Engine.Tests.Clients;
using Vnd.Executor.Storage;
using Vnd.Planner.Catalog;
using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// A session reuses the plan of a statement it runs again (<see cref="PlanCache"/>), and a reused plan never
/// outlives what it was bound against: DROP/CREATE of a temporary table or view, a new search_path, a setting
/// folded into the plan, another tenant. Each statement text below is sent again after the change, so the second
/// run finds the first run's entry in the cache.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class PlanCacheTests(ServeFixture fixture)
{
    private const string Count = "select count(*) from packets";

    [Fact]
    public void The_same_statement_reuses_its_plan_until_the_catalog_answers_differently()
    {
        var catalog = new SearchPathCatalog(new TraceCatalog(new TraceTableStore(fixture.Data), "tenant1"), "tenant1");
        var query = ((SelectStatement)SqlParser.ParseScript(Count)[0]).Query;
        var cache = new PlanCache();

        var first = cache.Prepare(catalog, query, null);
        Assert.Same(first, cache.Prepare(catalog, query, null));
        Assert.Equal(1, cache.Hits);

        // A temporary view now shadows the trace table (pg_temp is searched first): bound afresh.
        catalog.CreateTempView(new ViewDefinition("pg_temp", "packets", "select 1 as one", SqlList.From(["one"])), orReplace: false);
        var shadowed = cache.Prepare(catalog, query, null);
        Assert.NotSame(first, shadowed);
        catalog.DropTempView("packets");
        Assert.NotSame(shadowed, cache.Prepare(catalog, query, null));

        // A search_path without the tenant's schema: the table is not found any more.
        catalog.SetPath(["nosuch"]);
        Assert.ThrowsAny<Exception>(() => cache.Prepare(catalog, query, null));
        catalog.SetPath(["$user"]);
        var again = cache.Prepare(catalog, query, null);
        Assert.Same(again, cache.Prepare(catalog, query, null));

        // Another tenant's catalog gives other answers: its own plan, never this one.
        var other = new SearchPathCatalog(new TraceCatalog(new TraceTableStore(fixture.Data), "tenant2"), "tenant2");
        Assert.NotSame(again, cache.Prepare(other, query, null));
    }

    [Fact]
    public async Task A_temporary_table_that_shadows_the_trace_table_and_is_dropped_is_followed()
    {
        var all = Reference("tenant1", Count);
        await using var session = await Open("tenant1");
        Assert.Equal(all, await Scalar(session, Count));
        await Execute(session, "create temp table packets as select * from packets limit 3");
        Assert.Equal(3, await Scalar(session, Count));
        await Execute(session, "drop table packets");
        Assert.Equal(all, await Scalar(session, Count));
        await Execute(session, "create temp table packets as select * from packets limit 5");
        Assert.Equal(5, await Scalar(session, Count));
    }

    [Fact]
    public async Task A_temporary_view_dropped_and_created_again_with_another_definition_is_followed()
    {
        const string Busy = "select count(*) from busy";
        var ssh = Reference("tenant1", "select count(*) from packets where dst_port = 22");
        var rest = Reference("tenant1", "select count(*) from packets where dst_port <> 22");
        Assert.NotEqual(ssh, rest);
        await using var session = await Open("tenant1");
        await Execute(session, "create temp view busy as select * from packets where dst_port = 22");
        Assert.Equal(ssh, await Scalar(session, Busy));
        await Execute(session, "drop view busy");
        var gone = await Assert.ThrowsAsync<PostgresException>(() => Scalar(session, Busy));
        Assert.Equal("42P01", gone.SqlState);
        await Execute(session, "create temp view busy as select * from packets where dst_port <> 22");
        Assert.Equal(rest, await Scalar(session, Busy));
    }

    [Fact]
    public async Task A_new_search_path_and_a_changed_setting_are_followed()
    {
        await using var session = await Open("tenant1");
        Assert.Equal(Reference("tenant1", Count), await Scalar(session, Count));
        await Execute(session, "set search_path = pg_catalog");
        var hidden = await Assert.ThrowsAsync<PostgresException>(() => Scalar(session, Count));
        Assert.Equal("42P01", hidden.SqlState);
        await Execute(session, "reset search_path");
        Assert.Equal(Reference("tenant1", Count), await Scalar(session, Count));

        // current_setting is folded into the plan when bound: such a plan is never reused.
        const string Setting = "select current_setting('application_name')";
        await Execute(session, "set application_name = 'first'");
        Assert.Equal("first", await new NpgsqlCommand(Setting, session).ExecuteScalarAsync());
        await Execute(session, "set application_name = 'second'");
        Assert.Equal("second", await new NpgsqlCommand(Setting, session).ExecuteScalarAsync());
    }

    [Fact]
    public async Task Two_tenants_sending_the_same_text_each_get_their_own_table()
    {
        var first = Reference("tenant1", Count);
        var second = Reference("tenant2", Count);
        Assert.NotEqual(first, second);
        await using var tenant1 = await Open("tenant1");
        await using var tenant2 = await Open("tenant2");
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(first, await Scalar(tenant1, Count));
            Assert.Equal(second, await Scalar(tenant2, Count));
        }
    }

    [Fact]
    public void The_simple_protocol_follows_a_temporary_table_too()
    {
        // psql sends each -c as its own Query message in one session: the same text three times.
        var (exitCode, rows, errors) = PsqlClient.RunEach(fixture.Port, "tenant1",
            Count, "create temp table packets as select * from packets limit 2", Count, "drop table packets", Count);
        Assert.True(exitCode == 0, errors);
        var counts = rows.Where(r => long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out _)).ToArray();
        var all = Reference("tenant1", Count).ToString(CultureInfo.InvariantCulture);
        Assert.Equal([all, "2", all], counts);
    }

    private long Reference(string tenant, string sql) => Convert.ToInt64(fixture.Embedded(tenant, sql).Rows[0][0], CultureInfo.InvariantCulture);

    private async Task<NpgsqlConnection> Open(string tenant)
    {
        var connection = new NpgsqlConnection(fixture.ConnectionString(tenant));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql) =>
        Convert.ToInt64(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync(), CultureInfo.InvariantCulture);

    private static Task<int> Execute(NpgsqlConnection connection, string sql) => new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
}
