using Apache.Arrow;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Storage;

/// <summary>
/// Table writers that take their disk chunks and column arrays from an <see cref="ImportBufferPool"/>: the second
/// import gets the very buffers of the first, writes the same bytes as a writer without a pool, shows none of the
/// previous import's values or nulls, and a writer that failed gives its buffers back only once its disk threads
/// have stopped.
/// </summary>
public sealed class PooledWriterTests : IDisposable
{
    private const int Rows = 12_345; // the last batch of 1000 rows is 345 long: a bool column's last byte is partial
    private static readonly TraceTableWriterOptions Small = new() { RowsPerBatch = 1000, RowsPerSegment = 5000 };
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_second_import_reuses_the_buffers_of_the_first()
    {
        var pool = new ImportBufferPool();
        var store = new TraceTableStore(_dir.Path);
        var options = Small with { Buffers = pool };
        WriteSample(store, new TableRef("t", "first"), options, 0);
        // SampleRows has four 64-bit columns (int8 and the three timestamps).
        var chunks = TakeAll(() => pool.TryRentChunk(SegmentDiskQueue.ChunkBytes));
        var longs = TakeAll(() => pool.TryRent<long>(1000));
        Assert.Equal(32, chunks.Count);
        Assert.Equal(4, longs.Count);
        chunks.ForEach(pool.Return);
        longs.ForEach(pool.Return);
        var kept = pool.RetainedBytes;

        using (var writer = store.CreateWriter(new TableRef("t", "second"), SampleRows.Schema, options))
        {
            // Taken by the writer, not allocated beside the kept ones.
            Assert.Null(pool.TryRentChunk(SegmentDiskQueue.ChunkBytes));
            Assert.Null(pool.TryRent<long>(1000));
            SampleRows.Write(writer, 0, Rows);
            writer.Commit();
        }

        Assert.Equal(kept, pool.RetainedBytes);
        var chunksAgain = TakeAll(() => pool.TryRentChunk(SegmentDiskQueue.ChunkBytes));
        var longsAgain = TakeAll(() => pool.TryRent<long>(1000));
        Assert.Equal(chunks.ToHashSet(ReferenceEqualityComparer.Instance), chunksAgain.ToHashSet(ReferenceEqualityComparer.Instance));
        Assert.Equal(longs.ToHashSet(ReferenceEqualityComparer.Instance), longsAgain.ToHashSet(ReferenceEqualityComparer.Instance));
    }

    [Theory]
    [InlineData(SegmentFileWrites.Buffered)]
    [InlineData(SegmentFileWrites.Direct)]
    public void A_pooled_writer_writes_the_bytes_of_a_writer_without_a_pool(SegmentFileWrites writes)
    {
        var table = new TableRef("t", "sample");
        var plain = new TraceTableStore(Path.Combine(_dir.Path, "plain"));
        WriteSample(plain, table, Small with { FileWrites = writes }, 0);

        var pool = new ImportBufferPool();
        var pooled = new TraceTableStore(Path.Combine(_dir.Path, "pooled"));
        // An earlier import of other rows (other values, other nulls) leaves its bytes in every pooled buffer.
        WriteSample(pooled, new TableRef("t", "earlier"), Small with { FileWrites = writes, Buffers = pool }, 500_003);
        WriteSample(pooled, table, Small with { FileWrites = writes, Buffers = pool }, 0);

        var segments = plain.OpenTable(table).Segments;
        Assert.True(segments.Count >= 3);
        Assert.Equal(segments.Select(s => s.File), pooled.OpenTable(table).Segments.Select(s => s.File));
        foreach (var segment in segments)
        {
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(plain.DataDirectory, "tables", "t", "sample", segment.File)),
                File.ReadAllBytes(Path.Combine(pooled.DataDirectory, "tables", "t", "sample", segment.File)));
        }
        var row = 0L;
        foreach (var batch in pooled.OpenReader(table).ReadBatches())
        {
            for (var i = 0; i < batch.Length; i++, row++)
            {
                for (var c = 0; c < SampleRows.Schema.Count; c++)
                    Assert.Equal(SampleRows.Value(c, row), SampleRows.Read(batch, c, i));
            }
        }
        Assert.Equal(Rows, row);
    }

    [Fact]
    public void A_short_first_batch_writes_no_bits_of_an_earlier_import()
    {
        // The bits of a bool column past the batch's last row, in its last byte, go into the file: a fresh array
        // has zeros there, and a pooled one must too.
        var schema = new TableSchema([new ColumnSchema("flag", SqlType.Bool)]);
        var table = new TableRef("t", "short");
        var plain = new TraceTableStore(Path.Combine(_dir.Path, "plain"));
        WriteFlags(plain, table, schema, new TraceTableWriterOptions { RowsPerBatch = 64 }, 13, false);
        var pool = new ImportBufferPool();
        var pooled = new TraceTableStore(Path.Combine(_dir.Path, "pooled"));
        WriteFlags(pooled, new TableRef("t", "earlier"), schema, new TraceTableWriterOptions { RowsPerBatch = 64, Buffers = pool }, 64, true);
        WriteFlags(pooled, table, schema, new TraceTableWriterOptions { RowsPerBatch = 64, Buffers = pool }, 13, false);
        var segment = Assert.Single(plain.OpenTable(table).Segments).File;
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(plain.DataDirectory, "tables", "t", "short", segment)),
            File.ReadAllBytes(Path.Combine(pooled.DataDirectory, "tables", "t", "short", segment)));
    }

    private static void WriteFlags(TraceTableStore store, TableRef table, TableSchema schema, TraceTableWriterOptions options, int rows, bool value)
    {
        using var writer = store.CreateWriter(table, schema, options);
        for (var row = 0; row < rows; row++)
        {
            writer.GetBuilder<BoolColumnBuilder>(0).Append(value);
            writer.EndRow();
        }
        writer.Commit();
    }

    [Fact]
    public void Nulls_and_values_of_an_earlier_import_do_not_show_in_the_next()
    {
        var schema = new TableSchema([new ColumnSchema("flag", SqlType.Bool), new ColumnSchema("n", SqlType.Int8), new ColumnSchema("s", SqlType.Text)]);
        var pool = new ImportBufferPool();
        var store = new TraceTableStore(_dir.Path);
        var options = new TraceTableWriterOptions { RowsPerBatch = 64, Buffers = pool };
        // First every value NULL (every validity bit cleared) or true.
        using (var writer = store.CreateWriter(new TableRef("t", "nulls"), schema, options))
        {
            for (var row = 0; row < 200; row++)
            {
                writer.GetBuilder<BoolColumnBuilder>(0).Append(true);
                writer.Columns[1].AppendNull();
                writer.Columns[2].AppendNull();
                writer.EndRow();
            }
            writer.Commit();
        }
        // Then batches without a NULL, and one with a single one.
        const int Count = 150;
        using (var writer = store.CreateWriter(new TableRef("t", "values"), schema, options))
        {
            for (var row = 0; row < Count; row++)
            {
                writer.GetBuilder<BoolColumnBuilder>(0).Append(row % 3 == 0);
                if (row == 100)
                    writer.Columns[1].AppendNull();
                else
                    writer.GetBuilder<Int64ColumnBuilder>(1).Append(row * 1000L);
                writer.GetBuilder<TextColumnBuilder>(2).Append("v" + row);
                writer.EndRow();
            }
            writer.Commit();
        }

        var seen = 0;
        foreach (var batch in store.OpenReader(new TableRef("t", "values")).ReadBatches())
        {
            var flags = (BooleanArray)batch.Column(0);
            var texts = (StringArray)batch.Column(2);
            Assert.Equal(seen / 64 == 1 ? 1 : 0, batch.Column(1).NullCount);
            for (var i = 0; i < batch.Length; i++, seen++)
            {
                Assert.Equal(seen % 3 == 0, flags.GetValue(i));
                Assert.Equal(seen == 100, batch.Column(1).IsNull(i));
                if (seen != 100)
                    Assert.Equal(seen * 1000L, StoredIntegerType.Value(batch.Column(1), i));
                Assert.Equal("v" + seen, texts.GetString(i));
            }
        }
        Assert.Equal(Count, seen);
    }

    [Fact]
    public void A_failed_writer_returns_its_buffers_once_its_disk_threads_have_stopped()
    {
        var pool = new ImportBufferPool();
        var store = new TraceTableStore(_dir.Path);
        var table = new TableRef("t", "failing");
        var writer = store.CreateWriter(table, SampleRows.Schema, Small with { Buffers = pool });
        SampleRows.Write(writer, 0, 1500);
        var tableDirectory = Path.Combine(_dir.Path, "tables", "t", "failing");
        Directory.Move(tableDirectory, tableDirectory + "-gone");
        // Nothing is given back while the writer and its threads are running.
        Assert.Equal(0, pool.RetainedBytes);
        var failure = Assert.Throws<StorageException>(writer.Commit);
        Assert.Equal(StorageErrorKind.Io, failure.Kind);
        writer.Dispose();
        // The chunk the open segment was filling is dropped with it; every other one came back.
        var chunks = TakeAll(() => pool.TryRentChunk(SegmentDiskQueue.ChunkBytes));
        Assert.InRange(chunks.Count, 31, 32);
        Assert.Equal(4, TakeAll(() => pool.TryRent<long>(1000)).Count);
        // The builders gave their arrays away: appending to one now fails instead of writing into another writer's.
        Assert.ThrowsAny<Exception>(() => writer.GetBuilder<Int64ColumnBuilder>(3).Append(1));
        chunks.ForEach(pool.Return);

        // The buffers work for the next import.
        WriteSample(store, new TableRef("t", "after"), Small with { Buffers = pool }, 0);
        Assert.Equal(Rows, store.OpenTable(new TableRef("t", "after")).Segments.Sum(s => s.Rows));
    }

    [Fact]
    public void A_queue_gives_back_only_the_chunks_its_threads_are_done_with()
    {
        var pool = new ImportBufferPool();
        var directory = Path.Combine(_dir.Path, "q");
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, "a.tmp");
        File.WriteAllBytes(temp, []);
        var queue = new SegmentDiskQueue("t.q", buffers: pool);
        var held = queue.RentChunk();
        var written = queue.RentChunk();
        // A write that fails on the write thread (a read-only handle).
        var file = File.OpenHandle(temp, FileMode.Open, FileAccess.Read);
        written.Bytes[..5].Fill(1);
        queue.Write(file, 0, written, 5);
        Assert.Throws<StorageException>(queue.Drain);
        Assert.Equal(0, pool.RetainedBytes);
        queue.Dispose();
        var chunks = TakeAll(() => pool.TryRentChunk(SegmentDiskQueue.ChunkBytes));
        Assert.Equal(31, chunks.Count);
        Assert.Contains(written, chunks);
        Assert.DoesNotContain(held, chunks);
        // A closed queue hands out no chunk (its chunks may be another queue's now) and Dispose is idempotent.
        Assert.Throws<StorageException>(queue.RentChunk);
        queue.Dispose();
        Assert.Equal(0, pool.RetainedBytes);
    }

    private static void WriteSample(TraceTableStore store, TableRef table, TraceTableWriterOptions options, long firstRow)
    {
        using var writer = store.CreateWriter(table, SampleRows.Schema, options);
        SampleRows.Write(writer, firstRow, Rows);
        writer.Commit();
    }

    /// <summary>Every buffer <paramref name="rent"/> gives until the pool has none left.</summary>
    private static List<T> TakeAll<T>(Func<T?> rent)
        where T : class
    {
        var taken = new List<T>();
        while (rent() is { } buffer)
            taken.Add(buffer);
        return taken;
    }
}
