using Vnd.Engine.Catalog;
using Vnd.Engine.Catalog.System;
using Vnd.Executor.Storage;
using Vnd.Planner.Types;

namespace Vnd.Engine.Tests.Catalog;

/// <summary>
/// A relation's OID asked outside a statement's snapshot (a reused plan's check, before anything else reads the
/// catalog) is the OID the statement's own snapshot gives, also after tables are created and dropped.
/// </summary>
public sealed class RelationOidTests : IDisposable
{
    private static readonly ColumnSchema[] Columns = [new("n", SqlType.Int4)];

    private readonly TwoTenantStore _store = new();

    public void Dispose() => _store.Dispose();

    private void Settle() => Directory.SetLastWriteTimeUtc(_store.Store.SchemaDirectory("acme"), DateTime.UtcNow.AddMinutes(-1));

    private static int? AsTheStatementSeesIt(SystemCatalog catalog, string table)
    {
        catalog.BeginStatement();
        return catalog.Snapshot().FindRelation("acme", table);
    }

    private static int? AsAReusedPlanAsks(SystemCatalog catalog, string table)
    {
        catalog.BeginStatement();
        return catalog.RelationOid("acme", table);
    }

    [Fact]
    public void Oids_asked_between_statements_follow_created_and_dropped_tables()
    {
        var catalog = new SystemCatalog(new TraceCatalog(_store.Store, "acme"), new SessionInfo("vnd", "acme_user", "acme", 4242));
        Settle();
        var traceA = AsAReusedPlanAsks(catalog, "trace_a");
        Assert.NotNull(traceA);
        Assert.Equal(traceA, AsAReusedPlanAsks(catalog, "trace_a"));
        Assert.Equal(traceA, AsTheStatementSeesIt(catalog, "trace_a"));
        Assert.Null(AsAReusedPlanAsks(catalog, "added"));

        _store.Write(new TableRef("acme", "added"), Columns, rows: 1);
        var added = AsAReusedPlanAsks(catalog, "added");
        Assert.NotNull(added);
        Assert.Equal(added, AsTheStatementSeesIt(catalog, "added"));

        Settle();
        _store.Store.DropTable(new TableRef("acme", "added"));
        Assert.Null(AsAReusedPlanAsks(catalog, "added"));
        Assert.Equal(traceA, AsAReusedPlanAsks(catalog, "trace_a"));
    }

    [Fact]
    public void A_temporary_table_gets_its_oid_from_a_fresh_snapshot()
    {
        var temporary = new List<Vnd.Planner.Catalog.TableDefinition>();
        var catalog = new SystemCatalog(new TraceCatalog(_store.Store, "acme"), new SessionInfo("vnd", "acme_user", "acme", 4242),
            temporaryTables: () => temporary);
        Assert.Null(AsAReusedPlanAsks(catalog, "scratch"));
        Assert.Null(catalog.RelationOid(CatalogSnapshot.TempSchema, "scratch"));

        temporary.Add(new Vnd.Planner.Catalog.TableDefinition(CatalogSnapshot.TempSchema, "scratch",
            Vnd.Planner.Syntax.Ast.SqlList.From([new Vnd.Planner.Catalog.ColumnDefinition("n", SqlType.Int4)]), null));
        catalog.BeginStatement();
        var oid = catalog.RelationOid(CatalogSnapshot.TempSchema, "scratch");
        Assert.NotNull(oid);
        catalog.BeginStatement();
        Assert.Equal(oid, catalog.Snapshot().FindRelation(CatalogSnapshot.TempSchema, "scratch"));
    }
}
