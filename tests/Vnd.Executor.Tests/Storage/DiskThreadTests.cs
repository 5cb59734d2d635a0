using Apache.Arrow;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Storage;

/// <summary>
/// Segment files are written, sealed and published by the writer's disk thread (<see cref="SegmentDiskQueue"/>):
/// record batches many chunks long arrive whole and in order, and a failure on that thread reaches the caller as a
/// storage I/O error while nothing after it becomes visible.
/// </summary>
public sealed class DiskThreadTests : IDisposable
{
    private static readonly TableRef Wide = new("t", "wide");
    private static readonly TableSchema Schema = new([new ColumnSchema("a", SqlType.Int8), new ColumnSchema("note", SqlType.Text)]);
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(SegmentFileWrites.Direct)]
    [InlineData(SegmentFileWrites.Buffered)]
    public void Batches_many_chunks_long_round_trip_across_segments(SegmentFileWrites writes)
    {
        var store = new TraceTableStore(_dir.Path);
        // ~4.5 MB per batch (8-byte values and ~10-byte notes): each batch spans several 1 MiB chunks of the queue.
        const int Rows = 1_000_000;
        var options = new TraceTableWriterOptions { RowsPerBatch = 250_000, RowsPerSegment = 600_000, FileWrites = writes };
        using (var writer = store.CreateWriter(Wide, Schema, options))
        {
            var a = writer.GetBuilder<Int64ColumnBuilder>(0);
            var note = writer.GetBuilder<TextColumnBuilder>(1);
            Span<byte> text = stackalloc byte[16];
            for (long row = 0; row < Rows; row++)
            {
                a.Append(row * 7);
                "n"u8.CopyTo(text);
                row.TryFormat(text[1..], out var digits);
                note.Append(text[..(1 + digits)]);
                writer.EndRow();
            }
            writer.Commit();
        }

        var table = store.OpenTable(Wide);
        Assert.Equal(2, table.Segments.Count);
        long next = 0;
        foreach (var batch in store.OpenReader(Wide).ReadBatches())
        {
            var a = batch.Column(0);
            var note = (StringArray)batch.Column(1);
            for (var i = 0; i < batch.Length; i++, next++)
            {
                Assert.Equal(next * 7, StoredIntegerType.Value(a, i));
                Assert.Equal("n" + next, note.GetString(i));
            }
        }
        Assert.Equal(Rows, next);
        var directory = Path.Combine(_dir.Path, "tables", "t", "wide");
        foreach (var segment in table.Segments)
            Assert.Equal(segment.Bytes, new FileInfo(Path.Combine(directory, segment.File)).Length);
    }

    [Fact]
    public void A_failed_seal_is_thrown_to_the_caller_and_nothing_after_it_is_written()
    {
        var directory = Path.Combine(_dir.Path, "q");
        Directory.CreateDirectory(directory);
        var queue = new SegmentDiskQueue("t.q");
        try
        {
            var temp = Path.Combine(directory, "a.tmp");
            var file = File.OpenHandle(temp, FileMode.Create, FileAccess.Write);
            var chunk = queue.RentChunk();
            chunk.Bytes[..3].Fill(7);
            queue.Write(file, 0, chunk, 3);
            // The rename target's directory does not exist: the seal fails on the disk thread.
            queue.Seal(file, 3, temp, Path.Combine(directory, "missing", "a.arrow"));
            var failure = Assert.Throws<StorageException>(queue.Drain);
            Assert.Equal(StorageErrorKind.Io, failure.Kind);
            Assert.Throws<StorageException>(() => queue.Publish(directory, new Executor.Storage.Manifest.TableManifest { Columns = [], Segments = [] }));
            Assert.Throws<StorageException>(queue.RentChunk);
            Assert.False(File.Exists(Path.Combine(directory, "manifest.json")));
            // Cleaning up still works after the failure.
            queue.Discard(file, temp);
        }
        finally
        {
            queue.Dispose();
        }
        Assert.False(File.Exists(Path.Combine(directory, "a.tmp")));
    }

    [Fact]
    public void A_failed_write_keeps_its_file_from_being_sealed_or_published()
    {
        var directory = Path.Combine(_dir.Path, "w");
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, "a.tmp");
        File.WriteAllBytes(temp, []);
        var queue = new SegmentDiskQueue("t.w");
        try
        {
            // A read-only handle: the write fails on the write thread, and the seal and manifest queued behind it
            // (handed to the seal thread only after the write) must not run.
            var file = File.OpenHandle(temp, FileMode.Open, FileAccess.Read);
            var chunk = queue.RentChunk();
            chunk.Bytes[..5].Fill(1);
            queue.Write(file, 0, chunk, 5);
            try
            {
                queue.Seal(file, 5, temp, Path.Combine(directory, "a.arrow"));
                queue.Publish(directory, new Executor.Storage.Manifest.TableManifest { Columns = [], Segments = [] });
            }
            catch (StorageException)
            {
                // The failure may already have been seen when these were queued: refused at once, just as well.
            }
            var failure = Assert.Throws<StorageException>(queue.Drain);
            Assert.Equal(StorageErrorKind.Io, failure.Kind);
        }
        finally
        {
            queue.Dispose();
        }
        Assert.False(File.Exists(Path.Combine(directory, "a.arrow")));
        Assert.False(File.Exists(Path.Combine(directory, "manifest.json")));
    }

    [Fact]
    public void The_writer_reports_where_its_disk_time_went()
    {
        var store = new TraceTableStore(_dir.Path);
        var writer = store.CreateWriter(Wide, Schema, new TraceTableWriterOptions { RowsPerBatch = 1000, RowsPerSegment = 5000 });
        var a = writer.GetBuilder<Int64ColumnBuilder>(0);
        var note = writer.GetBuilder<TextColumnBuilder>(1);
        for (var row = 0; row < 12_000; row++)
        {
            a.Append(row);
            note.Append("x"u8);
            writer.EndRow();
        }
        writer.Commit();
        // Three segments: every one written, fsynced and renamed, and a manifest after each.
        Assert.Equal(3, store.OpenTable(Wide).Segments.Count);
        Assert.True(writer.DiskTimes.Writing > TimeSpan.Zero);
        Assert.True(writer.DiskTimes.Sealing > TimeSpan.Zero);
        Assert.True(writer.DiskTimes.WaitingAtDrain >= TimeSpan.Zero);
    }

    [Fact]
    public void A_table_directory_removed_under_the_writer_fails_its_commit_with_an_io_error()
    {
        var store = new TraceTableStore(_dir.Path);
        var writer = store.CreateWriter(Wide, Schema, new TraceTableWriterOptions { RowsPerBatch = 10, RowsPerSegment = 20 });
        var a = writer.GetBuilder<Int64ColumnBuilder>(0);
        var note = writer.GetBuilder<TextColumnBuilder>(1);
        for (var row = 0; row < 15; row++)
        {
            a.Append(row);
            note.Append("x"u8);
            writer.EndRow();
        }
        var tableDirectory = Path.Combine(_dir.Path, "tables", "t", "wide");
        Directory.Move(tableDirectory, tableDirectory + "-gone");
        var failure = Assert.Throws<StorageException>(writer.Commit);
        Assert.Equal(StorageErrorKind.Io, failure.Kind);
        writer.Dispose();
    }
}
