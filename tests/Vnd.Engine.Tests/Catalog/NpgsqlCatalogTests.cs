using Vnd.Engine.Catalog.System;

namespace Vnd.Engine.Tests.Catalog;

/// <summary>Npgsql 10's connect-time type loading (4 statements) and its GetSchema queries, sent verbatim.</summary>
public sealed class NpgsqlCatalogTests : IDisposable
{
    private readonly TwoTenantStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Type_loading_returns_base_types_then_arrays_of_loaded_elements()
    {
        var session = _store.Session("acme");
        var statements = ClientQueries.Statements("npgsql-type-loading.sql");
        Assert.Equal(4, statements.Count);
        Assert.StartsWith("PostgreSQL 15.", (string)session.Run(statements[0]).Rows.Single()[0]!);

        var types = session.Run(statements[1]);
        Assert.Equal(["nspname", "oid", "typname", "typtype", "typnotnull", "elemtypoid"], types.Names);
        var loaded = new Dictionary<int, string>();
        foreach (var row in types.Rows)
        {
            Assert.Equal("pg_catalog", row[0]);
            var oid = (int)row[1]!;
            var kind = (string)row[3]!;
            if (kind == "a")
                Assert.True(loaded.ContainsKey((int)row[5]!), $"array {row[2]} comes before its element {row[5]}");
            else
                Assert.Null(row[5]);
            loaded[oid] = kind + ":" + row[2];
        }
        foreach (var (oid, name) in new[] { (16, "b:bool"), (20, "b:int8"), (23, "b:int4"), (25, "b:text"), (869, "b:inet"), (650, "b:cidr"),
                     (1184, "b:timestamptz"), (1700, "b:numeric"), (1007, "a:_int4"), (1041, "a:_inet"), (2249, "p:record"), (2287, "a:_record") })
            Assert.Equal(name, loaded[oid]);
        Assert.DoesNotContain(705, loaded.Keys); // unknown is a pseudo-type Npgsql does not load

        Assert.Empty(session.Run(statements[2]).Rows); // no free-standing composite types
        Assert.Empty(session.Run(statements[3]).Rows); // no enums
    }

    [Fact]
    public void Every_engine_type_has_its_postgresql_oid_in_pg_type()
    {
        var session = _store.Session("acme");
        foreach (var type in PgTypes.All.Where(t => t.EngineType is not null))
        {
            Assert.Equal(type.Oid, PgTypes.OidOf(type.EngineType!));
            var row = session.Run($"SELECT typname, typarray, typelem FROM pg_type WHERE oid = {type.Oid}").Rows.Single();
            Assert.Equal(type.Name, row[0]);
        }
    }

    [Fact]
    public void GetSchema_tables_views_databases_and_columns()
    {
        var session = _store.Session("acme");
        var statements = ClientQueries.Statements("npgsql-getschema.sql");
        var tables = session.Run(statements[0]);
        Assert.Equal(["vnd|acme|shared|BASE TABLE", "vnd|acme|trace_a|BASE TABLE"], PsqlCatalogTests.Rows(tables));
        Assert.Empty(session.Run(statements[1]).Rows);
        Assert.Equal(["vnd|acme_user|UTF8"], PsqlCatalogTests.Rows(session.Run(statements[2])));
        var columns = session.Run(statements[3]);
        Assert.Equal(["ts|timestamp with time zone", "src_ip|inet", "src_port|integer", "payload_length|bigint"],
            columns.Rows.Select(r => $"{r[3]}|{r[7]}").ToList());
        Assert.Equal([32, 64], columns.Rows.Skip(2).Select(r => (int)r[10]!).ToList());
    }
}
