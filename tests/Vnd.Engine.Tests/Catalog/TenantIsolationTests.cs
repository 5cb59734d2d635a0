namespace Vnd.Engine.Tests.Catalog;

/// <summary>Each tenant's catalog shows its own schema's objects and the built-ins, never another tenant's.</summary>
public sealed class TenantIsolationTests : IDisposable
{
    private static readonly string[] Listings =
    [
        "SELECT relname FROM pg_class",
        "SELECT nspname FROM pg_namespace",
        "SELECT attname FROM pg_attribute",
        "SELECT table_schema || '.' || table_name FROM information_schema.tables",
        "SELECT table_name || '.' || column_name FROM information_schema.columns",
        "SELECT schema_name FROM information_schema.schemata",
    ];

    private readonly TwoTenantStore _store = new();

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("acme", "globex", "secret_b", "globex_only")]
    [InlineData("globex", "acme", "trace_a", "acme_only")]
    public void A_tenant_never_sees_another_tenants_names(string tenant, string other, string otherTable, string otherColumn)
    {
        var session = _store.Session(tenant);
        foreach (var sql in Listings)
        {
            foreach (var value in ClientQueries.Column(session.Run(sql), 0))
            {
                Assert.DoesNotContain(other, value, StringComparison.Ordinal);
                Assert.DoesNotContain(otherTable, value, StringComparison.Ordinal);
                Assert.DoesNotContain(otherColumn, value, StringComparison.Ordinal);
            }
        }
        Assert.Contains(tenant, ClientQueries.Column(session.Run("SELECT nspname FROM pg_namespace"), 0));
    }

    [Fact]
    public void Same_named_tables_have_different_oids_and_each_tenant_sees_its_own_columns()
    {
        var acme = _store.Session("acme");
        var globex = _store.Session("globex");
        const string sql = "SELECT c.oid, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid WHERE c.relname = 'shared'";
        var acmeRow = Assert.Single(acme.Run(sql).Rows);
        var globexRow = Assert.Single(globex.Run(sql).Rows);
        Assert.NotEqual(acmeRow[0], globexRow[0]);
        Assert.Equal("acme_only", acmeRow[1]);
        Assert.Equal("globex_only", globexRow[1]);
        // Guessing the other tenant's OID finds nothing.
        Assert.Empty(acme.Run($"SELECT relname FROM pg_class WHERE oid = {globexRow[0]}").Rows);
        Assert.Empty(acme.Run($"SELECT attname FROM pg_attribute WHERE attrelid = '{globexRow[0]}'").Rows);
    }

    [Fact]
    public void Oids_are_stable_across_sessions()
    {
        const string sql = "SELECT oid, relnamespace FROM pg_class WHERE relname = 'trace_a'";
        var first = Assert.Single(_store.Session("acme", pid: 1).Run(sql).Rows);
        var second = Assert.Single(_store.Session("acme", pid: 2).Run(sql).Rows);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_tenants_table_cannot_be_named()
    {
        var acme = _store.Session("acme");
        var error = Assert.Throws<Vnd.Planner.Errors.SqlException>(() => acme.Run("SELECT 'globex.shared'::regclass"));
        Assert.Equal("42P01", error.SqlState);
        Assert.Null(acme.Run("SELECT to_regclass('globex.secret_b')").Rows.Single()[0]);
        Assert.Null(acme.Run("SELECT to_regnamespace('globex')").Rows.Single()[0]);
    }

    [Fact]
    public void Pg_stat_activity_lists_only_the_sessions_own_backend()
    {
        var row = Assert.Single(_store.Session("acme", pid: 777).Run("SELECT pid, usename, datname, state FROM pg_stat_activity").Rows);
        Assert.Equal([777, "acme_user", "vnd", "active"], row);
    }
}
