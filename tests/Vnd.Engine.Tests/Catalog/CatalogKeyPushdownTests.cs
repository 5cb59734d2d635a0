using System.Globalization;
using Vnd.Engine.Catalog;
using Vnd.Engine.Catalog.System;
using Vnd.Engine.Sessions;
using Vnd.Executor.Storage;
using Vnd.Planner.Types;

namespace Vnd.Engine.Tests.Catalog;

/// <summary>
/// pg_class, pg_attribute and information_schema.tables/columns build only the rows the keys of a scan's filters
/// admit (oid, relname, relnamespace, attrelid, table_schema/table_name). The keys must never change a result:
/// every query here runs with and without them and must give the same rows; and with many tables, psql's
/// <c>\dt</c> and <c>\d t</c> must describe (open the manifest of) at most the one table shown.
/// </summary>
public sealed class CatalogKeyPushdownTests : IDisposable
{
    private const int ExtraTables = 60;

    private static readonly string[] PsqlDescribe =
    [
        "psql-d-1-lookup.sql", "psql-d-2-table.sql", "psql-d-3-columns.sql", "psql-d-4-policies.sql", "psql-d-5-statistics.sql",
        "psql-d-6-publications.sql", "psql-d-7-inherits.sql", "psql-d-8-partitions.sql",
    ];

    private readonly TwoTenantStore _store = new();

    public CatalogKeyPushdownTests()
    {
        for (var t = 0; t < ExtraTables; t++)
        {
            var columns = new ColumnSchema[1 + t % 4];
            for (var c = 0; c < columns.Length; c++)
                columns[c] = new ColumnSchema($"c{c}", c % 2 == 0 ? SqlType.Int4 : SqlType.Text);
            _store.Write(new TableRef(t % 3 == 0 ? "globex" : "acme", $"t{t:D2}"), columns, rows: 1 + t);
        }
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Every_catalog_query_gives_the_same_rows_with_and_without_key_pushdown()
    {
        var keyed = Session("acme", keys: true, out _);
        var unkeyed = Session("acme", keys: false, out _);
        var oid = Scalar(unkeyed, "SELECT oid FROM pg_class WHERE relname = 'trace_a'");
        var t07 = Scalar(unkeyed, "SELECT oid FROM pg_class WHERE relname = 't07'");
        var ns = Scalar(unkeyed, "SELECT oid FROM pg_namespace WHERE nspname = 'acme'");
        var globex = Scalar(Session("globex", keys: false, out _), "SELECT oid FROM pg_class WHERE relname = 't03'");
        var queries = new List<string>
        {
            $"SELECT relname, relnatts, reltuples, relpages, relkind, relpersistence FROM pg_class WHERE oid = '{t07}'",
            $"SELECT relname FROM pg_class WHERE oid = {oid}",
            $"SELECT relname FROM pg_class WHERE oid IN ({oid}, {t07}, 1259, {globex}) ORDER BY 1",
            $"SELECT relname FROM pg_class WHERE oid = '{globex}'",
            $"SELECT attname FROM pg_attribute WHERE attrelid = '{globex}'",
            $"SELECT attname, atttypid, attnum, attlen, attbyval, attstorage, attcollation FROM pg_attribute WHERE attrelid = '{t07}' ORDER BY attnum",
            $"SELECT attname FROM pg_attribute WHERE attrelid IN ({oid}, 1259) AND attnum > 1 ORDER BY 1",
            $"SELECT relname FROM pg_class WHERE relname = 't07' AND relnamespace = {ns}",
            "SELECT relname, relnatts FROM pg_class WHERE relnamespace = 11 ORDER BY 1",
            "SELECT relname FROM pg_class WHERE relname ~ '^(t07)$' OR relname = 'trace_a' ORDER BY 1",
            "SELECT relname FROM pg_class WHERE relname ~ '^t0.$' ORDER BY 1",
            "SELECT relname FROM pg_class WHERE relname ~ '^(t03)$'",
            "SELECT relname FROM pg_class WHERE relname = 'T07' OR oid = 0",
            "SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid WHERE c.relname = 't07' ORDER BY 2",
            "SELECT column_name, data_type, ordinal_position, dtd_identifier FROM information_schema.columns WHERE table_schema = 'acme' AND table_name = 't07' ORDER BY 3",
            "SELECT table_name, table_type FROM information_schema.tables WHERE table_name IN ('t07', 'secret_b', 'pg_class') ORDER BY 1",
            "SELECT count(*), sum(attnum) FROM pg_attribute",
            "SELECT count(*), sum(relnatts) FROM pg_class",
            // Join keys passed sideways (CatalogJoinKeys): inner, left (the right side reduced), the preserved side of
            // a right join (must not be), an empty key set, LIKE with and without wildcards.
            "SELECT a.attname, a.attnum FROM pg_attribute a JOIN pg_class c ON a.attrelid = c.oid WHERE c.relname LIKE 't07' ORDER BY 2",
            "SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid WHERE c.relname LIKE 'trace\\_a' ORDER BY 2",
            "SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid WHERE c.relname LIKE 't0_' ORDER BY 1, 2",
            "SELECT c.relname, a.attname FROM pg_class c LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 1 WHERE c.relname IN ('t07', 't08', 't10') ORDER BY 1, 2",
            "SELECT count(*), count(c.relname) FROM pg_class c RIGHT JOIN pg_attribute a ON a.attrelid = c.oid AND c.relname = 't07'",
            "SELECT a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid WHERE c.relkind = 'c'",
            "SELECT c2.relname FROM pg_class c JOIN pg_class c2 ON c2.oid = c.oid WHERE c.relname = 't07'",
        };
        foreach (var file in PsqlDescribe)
            queries.AddRange(ClientQueries.Statements(file, oid));
        foreach (var file in (string[])["psql-dt.sql", "psql-dt-plus.sql", "psql-tab-complete.sql", "npgsql-getschema.sql", "grafana-columns.sql",
                     "grafana-schemads.sql", "jdbc-get-columns.sql", "jdbc-get-tables.sql", "npgsql-type-loading.sql"])
            queries.AddRange(ClientQueries.Statements(file));

        var pruned = 0;
        foreach (var sql in queries)
        {
            var (keyedBefore, unkeyedBefore) = (keyed.Catalog.RowsWritten, unkeyed.Catalog.RowsWritten);
            var expected = Rows(unkeyed.Runner, sql);
            var actual = Rows(keyed.Runner, sql);
            Assert.True(expected.SequenceEqual(actual), $"{sql}\nwithout keys: {string.Join(" | ", expected)}\nwith keys: {string.Join(" | ", actual)}");
            if (keyed.Catalog.RowsWritten - keyedBefore < unkeyed.Catalog.RowsWritten - unkeyedBefore)
                pruned++;
        }
        // The keys are in force (else this compared a path with itself).
        Assert.True(pruned >= 10, $"only {pruned} queries built fewer rows with keys");
    }

    [Fact]
    public void Psql_dt_and_d_table_describe_at_most_the_one_table_shown()
    {
        var keyed = Session("acme", keys: true, out var keyedTables);
        var unkeyed = Session("acme", keys: false, out var unkeyedTables);
        var dt = ClientQueries.RunAll(keyed.Runner, "psql-dt.sql");
        Assert.Equal(2 + ExtraTables - ExtraTables / 3, dt.Rows.Count);
        Assert.Equal(0, keyedTables.Describes);

        const string lookup = "SELECT c.oid FROM pg_catalog.pg_class c WHERE c.relname OPERATOR(pg_catalog.~) '^(t07)$' COLLATE pg_catalog.default";
        var oid = Scalar(keyed, lookup);
        Assert.Equal(oid, Scalar(unkeyed, lookup));
        var (keyedBefore, unkeyedBefore) = (keyed.Catalog.RowsWritten, unkeyed.Catalog.RowsWritten);
        foreach (var file in PsqlDescribe)
        {
            ClientQueries.RunAll(keyed.Runner, file, oid);
            ClientQueries.RunAll(unkeyed.Runner, file, oid);
        }
        // Only t07's manifest is read (for its columns); without keys pg_attribute describes every table.
        Assert.InRange(keyedTables.Describes, 1, 2);
        Assert.True(unkeyedTables.Describes > ExtraTables / 2, $"{unkeyedTables.Describes} tables described without keys");
        // psql's own LEFT JOIN pg_class tc ON c.reltoastrelid = tc.oid has no key, so some full pg_class scans remain.
        var (keyedRows, unkeyedRows) = (keyed.Catalog.RowsWritten - keyedBefore, unkeyed.Catalog.RowsWritten - unkeyedBefore);
        Assert.True(keyedRows * 3 < unkeyedRows, $"{keyedRows} rows built with keys, {unkeyedRows} without");
    }

    [Fact]
    public void Jdbc_get_columns_and_npgsql_type_loading_describe_only_the_tables_they_show()
    {
        var keyed = Session("acme", keys: true, out var keyedTables);
        var unkeyed = Session("acme", keys: false, out var unkeyedTables);
        foreach (var file in (string[])["jdbc-get-columns.sql", "npgsql-type-loading.sql"])
        {
            ClientQueries.RunAll(keyed.Runner, file);
            ClientQueries.RunAll(unkeyed.Runner, file);
        }
        // getColumns filters pg_class on the name and reaches pg_attribute only through a.attrelid = c.oid; type
        // loading joins pg_attribute to free-standing composite types, of which there are none.
        Assert.InRange(keyedTables.Describes, 1, 2);
        Assert.True(unkeyedTables.Describes > ExtraTables / 2, $"{unkeyedTables.Describes} tables described without keys");
    }

    private (QueryRunner Runner, SystemCatalog Catalog) Session(string tenant, bool keys, out CountingTraceTables tables)
    {
        tables = new CountingTraceTables(new LocalTraceTables(_store.Store));
        var catalog = new SystemCatalog(new TraceCatalog(tables, tenant), new SessionInfo("vnd", tenant + "_user", tenant, 4242)) { KeyPushdown = keys };
        return (new QueryRunner(catalog), catalog);
    }

    private static string Scalar((QueryRunner Runner, SystemCatalog Catalog) session, string sql) =>
        Convert.ToString(Assert.Single(session.Runner.Run(sql).Rows)[0], CultureInfo.InvariantCulture)!;

    private static List<string> Rows(QueryRunner runner, string sql) =>
        runner.Run(sql).Rows.Select(r => string.Join(",", r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "NULL"))).ToList();
}
