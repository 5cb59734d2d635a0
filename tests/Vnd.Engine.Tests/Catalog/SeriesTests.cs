using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Engine.Tests.Catalog;

/// <summary>
/// generate_series and other functions in FROM through a tenant's session, including the catalog queries of
/// pgJDBC (TypeInfoCache), Grafana (table picker) and DBeaver that use them.
/// </summary>
public sealed class SeriesTests : IDisposable
{
    private readonly TwoTenantStore _store = new();

    public void Dispose() => _store.Dispose();

    private List<object?> Column(string sql) => _store.Session("acme").Run(sql).Rows.Select(r => r[0]).ToList();

    [Theory]
    [InlineData("SELECT * FROM generate_series(1, 4)", new[] { 1, 2, 3, 4 })]
    [InlineData("SELECT x FROM generate_series(10, 1, -4) AS s(x)", new[] { 10, 6, 2 })]
    [InlineData("SELECT i FROM pg_catalog.generate_series(3, 1) i", new int[0])]
    [InlineData("SELECT r FROM generate_series(1, array_upper(current_schemas(true), 1)) AS s(r)", new[] { 1, 2 })]
    [InlineData("SELECT g FROM generate_series(2147483646, 2147483647, 2) g", new[] { 2147483646 })]
    [InlineData("SELECT g FROM generate_series(-2147483647, -2147483648, -1) g", new[] { -2147483647, -2147483648 })]
    [InlineData("SELECT s FROM generate_series((SELECT 2), 3) s", new[] { 2, 3 })]
    public void Int4_series(string sql, int[] expected) => Assert.Equal(expected.Select(v => (object?)v), Column(sql));

    [Fact]
    public void An_int8_argument_makes_an_int8_series()
    {
        var result = _store.Session("acme").Run("SELECT * FROM generate_series(9223372036854775806, 9223372036854775807)");
        Assert.Equal(SqlType.Int8, result.Types[0]);
        Assert.Equal("generate_series", result.Names[0]);
        Assert.Equal([9223372036854775806L, 9223372036854775807L], result.Rows.Select(r => (long)r[0]!));
    }

    [Fact]
    public void A_long_series_spans_batches_and_aggregates()
    {
        var row = _store.Session("acme").Run("SELECT count(*), sum(n), min(n), max(n) FROM generate_series(1, 100000) n").Rows.Single();
        Assert.Equal([100000L, 5000050000L, 1, 100000], row);
    }

    [Theory]
    [InlineData("SELECT * FROM generate_series(1, NULL)")]
    [InlineData("SELECT * FROM generate_series(NULL::int, 3, 1)")]
    public void A_null_argument_gives_no_rows(string sql) => Assert.Empty(Column(sql));

    [Theory]
    [InlineData("SELECT * FROM generate_series(1, 3, 0)", "22023")]
    [InlineData("SELECT * FROM generate_series(1.5::float8, 3)", "0A000")]
    [InlineData("SELECT * FROM pg_class c RIGHT JOIN generate_series(1, c.relnatts) g ON true", "42P10")]
    [InlineData("SELECT * FROM count(*)", "42803")]
    public void Misuse_is_an_error(string sql, string state) =>
        Assert.Equal(state, Assert.ThrowsAny<SqlException>(() => _store.Session("acme").Run(sql)).SqlState);

    /// <summary>A function in FROM reading an earlier FROM item is LATERAL: one series per catalog row.</summary>
    [Fact]
    public void A_series_reading_an_earlier_from_item_runs_per_row()
    {
        var session = _store.Session("acme");
        var expanded = session.Run("SELECT count(*) FROM pg_class c, generate_series(1, c.relnatts) g").Rows.Single()[0];
        var total = session.Run("SELECT sum(relnatts) FROM pg_class").Rows.Single()[0];
        Assert.Equal(Convert.ToInt64(total, System.Globalization.CultureInfo.InvariantCulture), expanded);
    }

    /// <summary>In a correlated subquery the outer value takes the reference's place each time it runs (psql's publications query).</summary>
    [Fact]
    public void A_correlated_series_runs_per_outer_row()
    {
        var rows = _store.Session("acme").Run(
            "SELECT c.relnatts, (SELECT count(*) FROM generate_series(1, c.relnatts)) FROM pg_class c WHERE c.relnamespace = 'acme'::regnamespace").Rows;
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture), r[1]));
    }

    [Fact]
    public void A_scalar_function_in_from_is_one_row_named_after_it()
    {
        var result = _store.Session("acme").Run("SELECT * FROM current_schemas(true)");
        Assert.Equal("current_schemas", result.Names.Single());
        Assert.Equal("{pg_catalog,acme}", result.Rows.Single()[0]);
        Assert.Equal(["acme"], Column("SELECT s[2] FROM current_schemas(true) s"));
    }

    /// <summary>pgJDBC's TypeInfoCache.getPGType(name) with its $1 bound to a type name.</summary>
    [Fact]
    public void Pgjdbc_type_info_cache_finds_types_through_the_search_path()
    {
        const string Sql = "SELECT typinput='pg_catalog.array_in'::regproc as is_array, typtype, typname, pg_type.oid FROM pg_catalog.pg_type " +
            "LEFT JOIN (select ns.oid as nspoid, ns.nspname, r.r from pg_namespace as ns join ( select s.r, (current_schemas(false))[s.r] as nspname " +
            "from generate_series(1, array_upper(current_schemas(false), 1)) as s(r) ) as r using ( nspname ) ) as sp ON sp.nspoid = typnamespace " +
            "WHERE typname = '{0}' ORDER BY sp.r, pg_type.oid DESC LIMIT 1";
        var int4 = _store.Session("acme").Run(Sql.Replace("{0}", "int4", StringComparison.Ordinal)).Rows.Single();
        Assert.Equal([false, "b", "int4", 23], int4);
        var array = _store.Session("acme").Run(Sql.Replace("{0}", "_int4", StringComparison.Ordinal)).Rows.Single();
        Assert.Equal([true, "b", "_int4", 1007], array);
        Assert.Empty(_store.Session("acme").Run(Sql.Replace("{0}", "nosuch", StringComparison.Ordinal)).Rows);
    }

    [Fact]
    public void Grafana_table_picker_lists_the_tenants_tables()
    {
        var result = ClientQueries.RunAll(_store.Session("acme"), "grafana-tables.sql");
        Assert.Equal(["shared", "trace_a"], ClientQueries.Column(result, 0).Order(StringComparer.Ordinal));
    }
}
