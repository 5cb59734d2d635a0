namespace Vnd.Engine.Tests.Catalog;

/// <summary>The session-dependent and catalog functions clients call, through a session's query path.</summary>
public sealed class SessionFunctionTests : IDisposable
{
    private readonly TwoTenantStore _store = new();

    public void Dispose() => _store.Dispose();

    private object? Scalar(string sql) => _store.Session("acme", pid: 4321).Run(sql).Rows.Single()[0];

    [Theory]
    [InlineData("SELECT current_user", "acme_user")]
    [InlineData("SELECT session_user", "acme_user")]
    [InlineData("SELECT pg_catalog.current_database()", "vnd")]
    [InlineData("SELECT current_schema()", "acme")]
    [InlineData("SELECT current_schema", "acme")]
    [InlineData("SELECT current_setting('search_path')", "acme")]
    [InlineData("SELECT current_setting('server_version_num')", "150008")]
    [InlineData("SELECT current_setting('no.such', true)", null)]
    [InlineData("SELECT pg_backend_pid()", 4321)]
    [InlineData("SELECT format_type(1184, NULL)", "timestamp with time zone")]
    [InlineData("SELECT format_type(1007, -1)", "integer[]")]
    [InlineData("SELECT pg_get_userbyid(10)", "acme_user")]
    [InlineData("SELECT pg_get_userbyid(99)", "unknown (OID=99)")]
    [InlineData("SELECT has_table_privilege('trace_a', 'SELECT')", true)]
    [InlineData("SELECT quote_ident('trace_a')", "trace_a")]
    [InlineData("SELECT quote_ident('Trace A')", "\"Trace A\"")]
    [InlineData("SELECT quote_ident('select')", "\"select\"")]
    [InlineData("SELECT pg_size_pretty(10239::bigint)", "10239 bytes")]
    [InlineData("SELECT pg_size_pretty(10240::bigint)", "10 kB")]
    [InlineData("SELECT pg_size_pretty(10485760::bigint)", "10 MB")]
    [InlineData("SELECT pg_size_pretty(1073741824::bigint)", "1024 MB")]
    [InlineData("SELECT array_to_string('{a,\"b,c\",NULL}', '/')", "a/b,c")]
    [InlineData("SELECT 'trace_a' ~ '^(trace_a)$'", true)]
    [InlineData("SELECT 'trace_a' !~ '^pg_'", true)]
    [InlineData("SELECT 'TRACE_A' ~* '^trace'", true)]
    [InlineData("SELECT 'pg_class'::regclass", 1259)]
    [InlineData("SELECT 'pg_catalog.pg_type'::pg_catalog.regclass", 1247)]
    [InlineData("SELECT 'int4'::regtype", 23)]
    [InlineData("SELECT 'integer'::regtype", 23)]
    [InlineData("SELECT 'pg_catalog.array_in'::regproc", 750)]
    [InlineData("SELECT 'pg_catalog'::regnamespace", 11)]
    [InlineData("SELECT '16393'::pg_catalog.oid", 16393)]
    [InlineData("SELECT (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid) FROM pg_namespace n WHERE nspname = 'acme'", 2L)]
    [InlineData("SELECT ARRAY(SELECT relname FROM pg_class c WHERE c.relnamespace = n.oid ORDER BY 1) FROM pg_namespace n WHERE nspname = 'acme'", "{shared,trace_a}")]
    [InlineData("SELECT ARRAY(SELECT 'a b' UNION ALL SELECT NULL UNION ALL SELECT '\"')", "{\"a b\",NULL,\"\\\"\"}")]
    [InlineData("SELECT ARRAY(SELECT roleid FROM pg_auth_members)", "{}")]
    public void Function_value(string sql, object? expected) =>
        Assert.Equal(expected, Scalar(sql) is Vnd.Executor.Vectors.ArrayValue array ? array.ToString() : Scalar(sql));

    [Fact]
    public void Set_config_changes_what_current_setting_and_pg_settings_read()
    {
        var session = _store.Session("acme");
        Assert.Equal("x", session.Run("SELECT set_config('application_name', 'x', false)").Rows.Single()[0]);
        Assert.Equal("x", session.Run("SELECT current_setting('application_name')").Rows.Single()[0]);
        Assert.Equal("x", session.Run("SELECT setting FROM pg_settings WHERE name = 'application_name'").Rows.Single()[0]);
    }

    [Fact]
    public void Unknown_names_raise_postgresql_errors()
    {
        var session = _store.Session("acme");
        Assert.Equal("42704", Assert.Throws<Vnd.Planner.Errors.SqlException>(() => session.Run("SELECT current_setting('no.such')")).SqlState);
        Assert.Equal("42P01", Assert.Throws<Vnd.Planner.Errors.SqlException>(() => session.Run("SELECT 'nosuch'::regclass")).SqlState);
        Assert.Equal("42704", Assert.Throws<Vnd.Planner.Errors.SqlException>(() => session.Run("SELECT 'nosuch'::regtype")).SqlState);
    }

    [Fact]
    public void Per_row_lookups_match_folded_ones()
    {
        var rows = _store.Session("acme").Run(
            "SELECT c.relname, pg_table_is_visible(c.oid), c.oid = c.relname::regclass FROM pg_class c WHERE c.relname IN ('pg_class', 'trace_a', 'tables')").Rows;
        Assert.Equal(["pg_class|True|True", "tables|False|NULL", "trace_a|True|True"],
            rows.Select(r => string.Join("|", r.Select(v => v?.ToString() ?? "NULL"))).Order(StringComparer.Ordinal).ToList());
    }
}
