using Vnd.Engine.Catalog;
using Vnd.Executor.Storage;
using Vnd.Planner.Types;

namespace Vnd.Engine.Tests.Catalog;

/// <summary>A table's description is reused while its manifest is unchanged and made anew once rows are appended.</summary>
public sealed class LocalTraceTablesTests : IDisposable
{
    private readonly TwoTenantStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void A_description_is_reused_until_the_table_changes()
    {
        var tables = new LocalTraceTables(_store.Store);
        var first = tables.Describe("acme", "shared")!;
        Assert.Same(first, tables.Describe("acme", "shared"));
        Assert.Equal(1, first.Statistics!.RowCount);

        // Appending (a second import into the table) writes a new manifest: the next statement sees the new rows.
        Thread.Sleep(20);
        _store.Write(new TableRef("acme", "shared"), [new ColumnSchema("acme_only", SqlType.Int4)], rows: 5);
        var appended = tables.Describe("acme", "shared")!;
        Assert.NotSame(first, appended);
        Assert.Equal(6, appended.Statistics!.RowCount);
        Assert.Equal(4L, appended.Columns[0].Statistics!.Max);
        Assert.Null(tables.Describe("acme", "missing"));
    }
}
