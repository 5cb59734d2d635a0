namespace Vnd.Engine.Tests.Catalog;

/// <summary>psql 15's catalog queries (\dt, \dt+, \dn, \l and the \d queries VND answers), sent verbatim.</summary>
public sealed class PsqlCatalogTests : IDisposable
{
    private readonly TwoTenantStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Dt_lists_the_tenants_tables_with_owner()
    {
        var result = ClientQueries.RunAll(_store.Session("acme"), "psql-dt.sql");
        Assert.Equal(["Schema", "Name", "Type", "Owner"], result.Names);
        Assert.Equal(["acme|shared|table|acme_user", "acme|trace_a|table|acme_user"], Rows(result));
    }

    [Fact]
    public void Dt_plus_adds_persistence_access_method_and_size()
    {
        var result = ClientQueries.RunAll(_store.Session("acme"), "psql-dt-plus.sql");
        var row = result.Rows.Single(r => (string)r[1]! == "trace_a");
        Assert.Equal("permanent", row[4]);
        Assert.Equal("heap", row[5]);
        Assert.Matches(@"^\d+ (bytes|kB)$", (string)row[6]!);
        Assert.Null(row[7]);
    }

    [Fact]
    public void Dn_lists_only_the_tenants_schema()
    {
        var result = ClientQueries.RunAll(_store.Session("acme"), "psql-dn.sql");
        Assert.Equal(["acme|acme_user"], Rows(result));
    }

    [Fact]
    public void L_lists_the_sessions_database()
    {
        var result = ClientQueries.RunAll(_store.Session("acme"), "psql-l.sql");
        Assert.Equal(["vnd|acme_user|UTF8|libc|C|C|NULL|NULL"], Rows(result));
    }

    [Fact]
    public void Du_lists_the_sessions_role_with_its_memberships()
    {
        var result = ClientQueries.RunAll(_store.Session("acme"), "psql-du.sql");
        Assert.Equal(["acme_user|False|True|False|False|True|-1|NULL|{}|False|False"], Rows(result));
    }

    [Fact]
    public void D_table_finds_the_oid_then_describes_its_columns()
    {
        var session = _store.Session("acme");
        var lookup = ClientQueries.RunAll(session, "psql-d-1-lookup.sql");
        var row = Assert.Single(lookup.Rows);
        Assert.Equal(("acme", "trace_a"), (row[1], row[2]));
        var oid = row[0]!.ToString()!;
        Assert.True(long.Parse(oid, System.Globalization.CultureInfo.InvariantCulture) >= 16384);

        var columns = ClientQueries.RunAll(session, "psql-d-3-columns.sql", oid);
        Assert.Equal(
            ["ts|timestamp with time zone|NULL|False|NULL||", "src_ip|inet|NULL|False|NULL||", "src_port|integer|NULL|False|NULL||",
                "payload_length|bigint|NULL|False|NULL||"],
            Rows(columns));
        Assert.Empty(ClientQueries.RunAll(session, "psql-d-7-inherits.sql", oid).Rows);
        Assert.Empty(ClientQueries.RunAll(session, "psql-d-8-partitions.sql", oid).Rows);
    }

    [Fact]
    public void D_with_a_schema_pattern_uses_operator_syntax_and_collate()
    {
        var result = _store.Session("acme").Run("""
            SELECT c.oid, n.nspname, c.relname
            FROM pg_catalog.pg_class c
                 LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relname OPERATOR(pg_catalog.~) '^(trace_a)$' COLLATE pg_catalog.default
              AND n.nspname OPERATOR(pg_catalog.~) '^(acme)$' COLLATE pg_catalog.default
            ORDER BY 2, 3;
            """);
        Assert.Equal("trace_a", Assert.Single(result.Rows)[2]);
    }

    [Fact]
    public void Describing_a_system_catalog_lists_its_columns()
    {
        var session = _store.Session("acme");
        var oid = session.Run("SELECT 'pg_catalog.pg_namespace'::pg_catalog.regclass::pg_catalog.oid").Rows[0][0]!.ToString();
        var columns = ClientQueries.RunAll(session, "psql-d-3-columns.sql", oid);
        Assert.Equal(["oid|oid", "nspname|text", "nspowner|oid", "nspacl|text"], columns.Rows.Select(r => $"{r[0]}|{r[1]}").ToList());
    }

    [Fact]
    public void Tab_completion_offers_matching_tables()
    {
        var result = ClientQueries.RunAll(_store.Session("acme"), "psql-tab-complete.sql");
        Assert.Equal(["trace_a|NULL"], Rows(result));
    }

    [Fact]
    public void Gdesc_names_the_result_types()
    {
        var result = ClientQueries.RunAll(_store.Session("acme"), "psql-gdesc.sql");
        Assert.Equal(["ts|timestamp with time zone", "src_ip|inet", "n|bigint"], Rows(result));
    }

    [Fact]
    public void Df_lists_no_user_functions_and_dfS_finds_builtins()
    {
        var session = _store.Session("acme");
        Assert.Empty(ClientQueries.RunAll(session, "psql-df.sql").Rows);
        var row = Assert.Single(ClientQueries.RunAll(session, "psql-dfs-array-recv.sql").Rows);
        Assert.Equal(["pg_catalog", "array_recv", "anyarray", "internal, oid, integer", "func"], row);
    }

    [Fact]
    public void DTS_lists_builtin_types_and_dx_dv_find_nothing()
    {
        var session = _store.Session("acme");
        var types = ClientQueries.RunAll(session, "psql-dTS.sql");
        Assert.Contains("pg_catalog|integer|NULL", Rows(types));
        Assert.DoesNotContain("pg_catalog|integer[]|NULL", Rows(types)); // arrays are shown with their element
        Assert.Empty(ClientQueries.RunAll(session, "psql-dx.sql").Rows);
        Assert.Empty(ClientQueries.RunAll(session, "psql-dv.sql").Rows);
    }

    internal static List<string> Rows(Vnd.Engine.Sessions.QueryResult result) =>
        result.Rows.Select(r => string.Join("|", r.Select(v => v?.ToString() ?? "NULL"))).ToList();
}
