using Vnd.Engine.Catalog;
using Vnd.Executor.Storage;
using Vnd.Planner.Types;

namespace Vnd.Engine.Tests.Catalog;

/// <summary>The cached table listing never hides a table created, nor shows one dropped, since the last listing.</summary>
public sealed class TableNameCacheTests : IDisposable
{
    private static readonly ColumnSchema[] Columns = [new("n", SqlType.Int4)];

    private readonly TwoTenantStore _store = new();

    public void Dispose() => _store.Dispose();

    private string SchemaDirectory => _store.Store.SchemaDirectory("acme");

    /// <summary>As if the schema had last changed a minute ago, so a listing now is trusted.</summary>
    private void Settle() => Directory.SetLastWriteTimeUtc(SchemaDirectory, DateTime.UtcNow.AddMinutes(-1));

    [Fact]
    public void A_settled_listing_is_reused_until_a_table_is_created_or_dropped()
    {
        var cache = new TableNameCache(_store.Store);
        Settle();
        var first = cache.Names("acme");
        Assert.Equal(["shared", "trace_a"], first);
        Assert.Same(first, cache.Names("acme"));

        _store.Write(new TableRef("acme", "added"), Columns, rows: 1);
        Assert.Equal(["added", "shared", "trace_a"], cache.Names("acme"));

        Settle();
        Assert.Equal(["added", "shared", "trace_a"], cache.Names("acme"));
        _store.Store.DropTable(new TableRef("acme", "shared"));
        Assert.Equal(["added", "trace_a"], cache.Names("acme"));
    }

    [Fact]
    public void A_table_directory_listed_before_its_manifest_appears_once_it_has_one()
    {
        var cache = new TableNameCache(_store.Store);
        Directory.CreateDirectory(Path.Combine(SchemaDirectory, "importing"));
        Settle();
        var written = Directory.GetLastWriteTimeUtc(SchemaDirectory);
        Assert.Equal(["shared", "trace_a"], cache.Names("acme"));
        _store.Write(new TableRef("acme", "importing"), Columns, rows: 1);
        // Only the manifest inside the table's directory is new: the schema directory looks as it did.
        Directory.SetLastWriteTimeUtc(SchemaDirectory, written);
        Assert.Equal(["importing", "shared", "trace_a"], cache.Names("acme"));
    }

    [Fact]
    public void A_listing_taken_right_after_a_change_is_not_trusted()
    {
        var cache = new TableNameCache(_store.Store);
        var written = Directory.GetLastWriteTimeUtc(SchemaDirectory);
        Assert.Equal(["shared", "trace_a"], cache.Names("acme"));
        // A table created within the same file-system tick leaves the write time as it was.
        _store.Write(new TableRef("acme", "same_tick"), Columns, rows: 1);
        Directory.SetLastWriteTimeUtc(SchemaDirectory, written);
        Assert.Contains("same_tick", cache.Names("acme"));
    }

    [Fact]
    public void An_unknown_schema_has_no_tables() => Assert.Empty(new TableNameCache(_store.Store).Names("nobody"));
}
