namespace Vnd.Engine.Tests.Catalog;

/// <summary>Grafana's data-source and query-builder queries and pgJDBC's getTables, sent verbatim.</summary>
public sealed class GrafanaAndJdbcCatalogTests : IDisposable
{
    private readonly TwoTenantStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Grafana_config_page_reads_the_version_and_finds_no_timescaledb()
    {
        var session = _store.Session("acme");
        var statements = ClientQueries.Statements("grafana-config.sql");
        var version = session.Run(statements[0]);
        Assert.Equal("version", Assert.Single(version.Names));
        Assert.Equal(1500, version.Rows.Single()[0]);
        Assert.Empty(session.Run(statements[1]).Rows);
    }

    [Fact]
    public void Grafana_column_picker_lists_names_and_types()
    {
        var result = ClientQueries.RunAll(_store.Session("acme"), "grafana-columns.sql");
        Assert.Equal(["column", "type"], result.Names);
        Assert.Equal(["ts|timestamp with time zone", "src_ip|inet", "src_port|integer", "payload_length|bigint"], PsqlCatalogTests.Rows(result));
    }

    [Fact]
    public void Grafana_schema_handler_lists_schema_tables_and_columns()
    {
        var session = _store.Session("acme");
        var statements = ClientQueries.Statements("grafana-schemads.sql");
        Assert.Equal(["acme"], PsqlCatalogTests.Rows(session.Run(statements[0])));
        Assert.Equal(["shared", "trace_a"], PsqlCatalogTests.Rows(session.Run(statements[1])));
        Assert.Equal(
            ["ts|timestamp with time zone|timestamptz|NULL|NULL", "src_ip|inet|inet|NULL|NULL", "src_port|integer|int4|32|0", "payload_length|bigint|int8|64|0"],
            PsqlCatalogTests.Rows(session.Run(statements[2])));
    }

    [Fact]
    public void Jdbc_get_tables_reports_trace_tables_as_tables()
    {
        var result = ClientQueries.RunAll(_store.Session("acme"), "jdbc-get-tables.sql");
        Assert.Equal(["table_cat", "table_schem", "table_name", "table_type", "remarks"], result.Names.Take(5));
        Assert.Equal(["NULL|acme|shared|TABLE|NULL", "NULL|acme|trace_a|TABLE|NULL"],
            result.Rows.Select(r => string.Join("|", r.Take(5).Select(v => v?.ToString() ?? "NULL"))).ToList());
    }
}
