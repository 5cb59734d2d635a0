using Vnd.Executor.Storage;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Storage;

public sealed class TraceTableStoreTests : IDisposable
{
    private static readonly TableSchema OneInt = new([new ColumnSchema("n", SqlType.Int4)]);
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Writes <paramref name="offset"/> .. offset + rows - 1 into an int4 table, 128 rows a segment.</summary>
    internal static void WriteInts(TraceTableStore store, TableRef table, int rows, int offset = 0)
    {
        using var writer = store.CreateWriter(table, OneInt, new TraceTableWriterOptions { RowsPerBatch = 64, RowsPerSegment = 128 });
        var n = writer.GetBuilder<Vnd.Executor.Storage.Builders.Int32ColumnBuilder>(0);
        for (var i = 0; i < rows; i++)
        {
            n.Append(offset + i);
            writer.EndRow();
        }
    }

    [Fact]
    public void Lists_schemas_and_tables_and_counts_rows()
    {
        var store = new TraceTableStore(_dir.Path);
        WriteInts(store, new TableRef("b", "t2"), 10);
        WriteInts(store, new TableRef("b", "t1"), 300);
        WriteInts(store, new TableRef("a", "t"), 1);

        Assert.Equal(["a", "b"], store.ListSchemas());
        Assert.Equal([new TableRef("b", "t1"), new TableRef("b", "t2")], store.ListTables("b"));
        Assert.Empty(store.ListTables("nope"));
        Assert.Equal(300, store.RowCount(new TableRef("b", "t1")));
        Assert.Equal(3, store.OpenTable(new TableRef("b", "t1")).Segments.Count);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "tables", "b", "t1", "manifest.json")));
    }

    [Fact]
    public void Dropping_a_table_frees_its_files()
    {
        var store = new TraceTableStore(_dir.Path);
        var table = new TableRef("s", "gone");
        WriteInts(store, table, 500);
        var directory = Path.Combine(_dir.Path, "tables", "s", "gone");
        Assert.True(Directory.Exists(directory));

        store.DropTable(table);

        Assert.False(store.TableExists(table));
        Assert.False(Directory.Exists(directory));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_dir.Path, "tables", "s")));
        Assert.Equal(StorageErrorKind.TableNotFound, Assert.Throws<StorageException>(() => store.OpenTable(table)).Kind);
        Assert.Equal(StorageErrorKind.TableNotFound, Assert.Throws<StorageException>(() => store.DropTable(table)).Kind);
        // The name can be used again with another schema.
        using (store.CreateWriter(table, new TableSchema([new ColumnSchema("x", SqlType.Text)])))
        {
        }
        Assert.Equal(0, store.RowCount(table));
    }

    [Fact]
    public void Files_the_manifest_does_not_name_are_removed_when_the_store_opens()
    {
        var table = new TableRef("s", "t");
        WriteInts(new TraceTableStore(_dir.Path), table, 200);
        var directory = Path.Combine(_dir.Path, "tables", "s", "t");
        // Debris an interrupted import can leave: a half-written segment, a sealed segment whose manifest
        // never got written, a manifest temp file, and a table directory that never got a manifest.
        File.WriteAllBytes(Path.Combine(directory, "seg-000003.arrow.tmp"), [1, 2, 3]);
        File.Copy(Path.Combine(directory, "seg-000001.arrow"), Path.Combine(directory, "seg-000003.arrow"));
        File.WriteAllText(Path.Combine(directory, "manifest.json.tmp"), "{");
        Directory.CreateDirectory(Path.Combine(_dir.Path, "tables", "s", "unborn"));

        var store = new TraceTableStore(_dir.Path);

        Assert.Equal(4, store.RemovedDebris.Count);
        Assert.Equal([".lock", "manifest.json", "seg-000001.arrow", "seg-000002.arrow"],
            Directory.EnumerateFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([table], store.ListTables("s"));
        Assert.Equal(200, store.RowCount(table));
    }

    [Theory]
    [InlineData(SegmentReadMode.Streamed)]
    [InlineData(SegmentReadMode.Mapped)]
    public void A_segment_shorter_than_its_manifest_says_is_reported_corrupt(SegmentReadMode mode)
    {
        var store = new TraceTableStore(_dir.Path);
        var table = new TableRef("s", "t");
        WriteInts(store, table, 100);
        var opened = store.OpenTable(table);
        var path = opened.SegmentPath(opened.Segments[0]);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<StorageException>(() =>
        {
            using var reader = new TraceTableReader(opened).OpenSegment(opened.Segments[0], mode);
            while (reader.ReadNext() is { } batch)
                batch.Dispose();
        });
        Assert.Equal(StorageErrorKind.Corrupt, e.Kind);
    }
}
