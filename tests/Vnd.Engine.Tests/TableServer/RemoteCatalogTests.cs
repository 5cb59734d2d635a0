using Npgsql;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// Issue 6: <c>vnd serve --table-servers</c> over an empty data directory (only the control state) shows each tenant
/// the table servers' tables — in <c>\d</c>-style catalog queries exactly as the one-process server shows them —
/// never another tenant's, picks up a table imported on a table server while running, and lists no table server
/// per statement once its answers are cached.
/// </summary>
[Collection(TableServerProcesses.Name)]
public sealed class RemoteCatalogTests(DistributedDemo demo) : IClassFixture<DistributedDemo>
{
    /// <summary>What psql's <c>\d</c> and drivers read: tables, columns in order, their formatted types and nullability.</summary>
    public static TheoryData<string, string> CatalogQueries => new()
    {
        { "tenant1", "select c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull from pg_catalog.pg_class c " +
            "join pg_catalog.pg_attribute a on a.attrelid = c.oid join pg_catalog.pg_namespace n on n.oid = c.relnamespace " +
            "where n.nspname = 'tenant1' and a.attnum > 0 order by 1, 2" },
        { "tenant2", "select table_schema, table_name, ordinal_position, column_name, data_type, is_nullable from information_schema.columns " +
            "where table_schema not in ('pg_catalog', 'information_schema') order by 1, 2, 3" },
        { "tenant1", "select table_schema, table_name, table_type from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') order by 1, 2" },
        { "tenant2", "select n.nspname, c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace " +
            "where n.nspname not in ('pg_catalog', 'information_schema') order by 1, 2" },
        { "tenant1", "select table_name, fields, rows, bytes, first_ts, last_ts from vnd.diagnoses order by 1" },
    };

    [Theory]
    [MemberData(nameof(CatalogQueries))]
    public async Task Catalog_queries_show_the_table_servers_tables_as_the_one_process_server_shows_its_own(string tenant, string sql)
    {
        var embedded = await DistributedDemo.Rows(demo.EmbeddedPort, tenant, sql);
        var remote = await DistributedDemo.Rows(demo.DistributedPort, tenant, sql);

        Assert.NotEmpty(embedded);
        Assert.Equal(embedded, remote);
    }

    [Fact]
    public async Task A_tenant_sees_only_its_own_remote_tables()
    {
        // tenant1's a, b, c are on the same table servers as tenant2's lb_in and lb_out.
        var relations = await DistributedDemo.Rows(demo.DistributedPort, "tenant2", "select relname from pg_class where relkind = 'r' order by 1");
        Assert.Contains("lb_in", relations);
        Assert.DoesNotContain("a", relations);
        Assert.DoesNotContain("b", relations);
        Assert.Empty(await DistributedDemo.Rows(demo.DistributedPort, "tenant2",
            "select table_name from information_schema.columns where table_schema = 'tenant1' or table_name in ('a', 'b', 'c')"));
        Assert.Empty(await DistributedDemo.Rows(demo.DistributedPort, "tenant2", "select nspname from pg_namespace where nspname = 'tenant1'"));
        foreach (var sql in (string[])["select count(*) from tenant1.a", "select count(*) from a", "select * from \"tenant1\".\"b\" limit 1",
            "select count(*) from lb_in i join tenant1.c on true"])
        {
            var embedded = await Assert.ThrowsAsync<PostgresException>(() => DistributedDemo.Rows(demo.EmbeddedPort, "tenant2", sql));
            var remote = await Assert.ThrowsAsync<PostgresException>(() => DistributedDemo.Rows(demo.DistributedPort, "tenant2", sql));
            Assert.Equal(embedded.SqlState, remote.SqlState);
            Assert.StartsWith("42", remote.SqlState, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_admin_lists_and_queries_every_tenants_remote_tables_where_they_are()
    {
        const string Count = "select count(*), sum(payload_length) from ";

        Assert.Equal(await DistributedDemo.Rows(demo.DistributedPort, "tenant1", Count + "a"),
            await DistributedDemo.Rows(demo.DistributedPort, DistributedDemo.AdminUser, Count + "tenant1.a"));
        Assert.Equal(await DistributedDemo.Rows(demo.DistributedPort, "tenant2", Count + "lb_out"),
            await DistributedDemo.Rows(demo.DistributedPort, DistributedDemo.AdminUser, Count + "tenant2.lb_out"));
        var relations = await DistributedDemo.Rows(demo.DistributedPort, DistributedDemo.AdminUser,
            "select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r'");
        Assert.Contains("tenant1.a", relations);
        Assert.Contains("tenant2.lb_in", relations);
    }

    [Fact]
    public async Task A_table_imported_on_a_table_server_while_running_becomes_queryable_and_listed()
    {
        var expected = await DistributedDemo.Rows(demo.DistributedPort, "tenant1", "select count(*), min(ts), max(ts) from a");
        var listed = await CatalogProbe.Listings([demo.TableServers[2]]);

        CatalogProbe.Import(Path.Combine(demo.Control, "tables", "tenant1", "a"), demo.Server(2), "tenant1", "a_late");

        // Listed table servers are asked their catalog version at most once a second.
        var rows = await RegisteredDemo.Eventually(TimeSpan.FromSeconds(5),
            () => DistributedDemo.Rows(demo.DistributedPort, "tenant1", "select count(*), min(ts), max(ts) from a_late"));
        Assert.Equal(expected, rows);
        // Only the server whose catalog changed was listed again (and the counter the steady-state test reads counts).
        Assert.True((await CatalogProbe.Listings([demo.TableServers[2]]))[0] > listed[0]);
        Assert.Contains("a_late", await DistributedDemo.Rows(demo.DistributedPort, "tenant1", "select table_name from information_schema.tables"));
        Assert.Empty(await DistributedDemo.Rows(demo.DistributedPort, "tenant2", "select relname from pg_class where relname = 'a_late'"));
    }

    [Fact]
    public async Task Statements_in_steady_state_list_no_table_server()
    {
        string[] statements =
        [
            "select count(*) from a", "select count(*) from a join b on a.id = b.id", "select relname from pg_class",
            "select column_name from information_schema.columns", "explain select count(*) from c", "select count(*) from packets",
        ];
        await DistributedDemo.Rows(demo.DistributedPort, "tenant1", statements[0]);
        var before = await CatalogProbe.Listings(demo.TableServers);

        await using var connection = new NpgsqlConnection(DistributedDemo.ConnectionString(demo.DistributedPort, "tenant1"));
        await connection.OpenAsync();
        for (var round = 0; round < 5; round++)
        {
            foreach (var sql in statements)
                Assert.NotEmpty(await DistributedDemo.Rows(connection, sql));
        }

        Assert.Equal(before, await CatalogProbe.Listings(demo.TableServers));
    }
}
