using Apache.Arrow.Ipc;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Storage;

/// <summary>
/// In buffered mode the column builders lend their value buffers to the disk thread instead of having them copied
/// into chunks (<see cref="SegmentOutputStream.Lend"/>): the files must be byte for byte those of the copying path,
/// a lent buffer must really be written from where it is, and everything else must still be copied.
/// </summary>
public sealed class LentBufferTests : IDisposable
{
    private static readonly TableRef Sample = new("t", "sample");
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Lent_buffers_give_the_same_files_as_copied_ones()
    {
        // Small batches so the builders go round their buffer sets many times, with segments cut between batches
        // and a partial batch at the end; every type, nulls in every column, narrowed integer columns.
        var lent = Write("lent", SegmentFileWrites.Buffered);
        var copied = Write("copied", SegmentFileWrites.Direct);

        var names = Directory.GetFiles(lent, "seg-*.arrow").Select(Path.GetFileName).Order().ToArray();
        Assert.True(names.Length >= 3);
        Assert.Equal(names, Directory.GetFiles(copied, "seg-*.arrow").Select(Path.GetFileName).Order().ToArray());
        foreach (var name in names)
            Assert.Equal(File.ReadAllBytes(Path.Combine(copied, name!)), File.ReadAllBytes(Path.Combine(lent, name!)));
    }

    private string Write(string root, SegmentFileWrites writes)
    {
        var store = new TraceTableStore(Path.Combine(_dir.Path, root));
        var options = new TraceTableWriterOptions { RowsPerBatch = 4096, RowsPerSegment = 40_000, FileWrites = writes };
        using (var writer = store.CreateWriter(Sample, SampleRows.Schema, options))
        {
            SampleRows.Write(writer, 0, 100_000);
            writer.Commit();
            // The first batches are always lent (their sets are fresh); later ones when the disk thread keeps up.
            if (writes == SegmentFileWrites.Buffered)
                Assert.True(writer.DiskTimes.Batches.Lent >= 3);
            else
                Assert.Equal((0, 0), writer.DiskTimes.Batches);
        }
        return Path.Combine(_dir.Path, root, "tables", "t", "sample");
    }

    [Fact]
    public void A_lending_builder_batch_is_written_from_its_buffers()
    {
        var directory = Path.Combine(_dir.Path, "seg");
        Directory.CreateDirectory(directory);
        using var queue = new SegmentDiskQueue("t.seg");
        var values = new Int64ColumnBuilder(10_000);
        values.LendBuffers(3);
        var schema = new Apache.Arrow.Schema([new Apache.Arrow.Field("v", Apache.Arrow.Types.Int64Type.Default, true)], null);
        var statistics = new[] { new ColumnStatisticsAccumulator() };
        var segment = new SegmentWriter(directory, 1, schema, statistics, queue, 0, direct: false);
        for (var i = 0; i < 10_000; i++)
            values.Append(i * 3L);
        // Arrow's writer passed the builder's own memory to the stream, which referenced it in a queued write.
        Assert.True(segment.Write([values], 10_000, lend: true) > 0);
        queue.Drain();
        segment.Seal();
        queue.Drain();

        using var stream = File.OpenRead(Path.Combine(directory, TableDirectory.SegmentFileName(1)));
        using var reader = new ArrowFileReader(stream);
        var batch = reader.ReadNextRecordBatch();
        var read = (Apache.Arrow.Int64Array)batch.Column(0);
        Assert.Equal(10_000, read.Length);
        for (var i = 0; i < read.Length; i++)
            Assert.Equal(i * 3L, read.GetValue(i));
    }

    [Fact]
    public void A_lent_buffer_is_referenced_and_the_rest_is_copied()
    {
        var path = Path.Combine(_dir.Path, "gathered");
        using var queue = new SegmentDiskQueue("t.gathered");
        var file = File.OpenHandle(path, FileMode.Create, FileAccess.Write);
        var stream = new SegmentOutputStream(file, queue, direct: false);
        var lent = GC.AllocateArray<byte>(3 * SegmentOutputStream.MinLentBytes, pinned: true);
        var copied = new byte[SegmentOutputStream.MinLentBytes];
        lent.AsSpan().Fill(1);
        copied.AsSpan().Fill(2);

        stream.Lend(lent);
        stream.Write([9, 9, 9]);
        stream.Write(lent.AsSpan(SegmentOutputStream.MinLentBytes));
        stream.Write(copied);
        // Changed after being written but before the batch ends: a lent buffer is written as it is then, a copied
        // one as it was.
        lent.AsSpan().Fill(3);
        copied.AsSpan().Fill(4);
        var write = stream.EndBatch();
        Assert.True(write > 0);
        stream.Write([8]);
        stream.Complete();
        queue.Seal(file, stream.Length, path, path + ".sealed");
        queue.Drain();

        var expected = new byte[3 + 2 * SegmentOutputStream.MinLentBytes + SegmentOutputStream.MinLentBytes + 1];
        expected.AsSpan(0, 3).Fill(9);
        expected.AsSpan(3, 2 * SegmentOutputStream.MinLentBytes).Fill(3);
        expected.AsSpan(3 + 2 * SegmentOutputStream.MinLentBytes, SegmentOutputStream.MinLentBytes).Fill(2);
        expected[^1] = 8;
        Assert.Equal(expected, File.ReadAllBytes(path + ".sealed"));
        Assert.Equal(expected.Length, stream.Length);
    }

    [Fact]
    public void A_builder_that_lends_rotates_its_buffers_and_one_that_does_not_keeps_them()
    {
        var lending = new Int32ColumnBuilder(8192);
        lending.LendBuffers(3);
        var keeping = new Int32ColumnBuilder(8192);
        var seen = new List<ReadOnlyMemory<byte>>();
        for (var batch = 0; batch < 4; batch++)
        {
            for (var i = 0; i < 8192; i++)
            {
                lending.Append(i);
                keeping.Append(i);
            }
            lending.BuildArray(Apache.Arrow.Types.Int32Type.Default);
            keeping.BuildArray(Apache.Arrow.Types.Int32Type.Default);
            Assert.True(keeping.LentBuffer.IsEmpty);
            seen.Add(lending.LentBuffer);
            lending.Reset(nextBufferSet: true);
            keeping.Reset();
        }
        Assert.All(seen, m => Assert.Equal(8192 * sizeof(int), m.Length));
        // Three sets in turn: the fourth batch is back in the first batch's buffer, the others are apart.
        Assert.True(seen[0].Span.Overlaps(seen[3].Span));
        Assert.False(seen[0].Span.Overlaps(seen[1].Span));
        Assert.False(seen[1].Span.Overlaps(seen[2].Span));
        Assert.False(seen[0].Span.Overlaps(seen[2].Span));

        // A batch that was copied, not lent, is followed by one in the same set.
        for (var i = 0; i < 8192; i++)
            lending.Append(i);
        lending.BuildArray(Apache.Arrow.Types.Int32Type.Default);
        var copied = lending.LentBuffer;
        lending.Reset();
        for (var i = 0; i < 8192; i++)
            lending.Append(i);
        lending.BuildArray(Apache.Arrow.Types.Int32Type.Default);
        Assert.True(copied.Span.Overlaps(lending.LentBuffer.Span));
    }
}
