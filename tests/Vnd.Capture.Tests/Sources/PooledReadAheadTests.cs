using Vnd.Capture.Sources;
using Vnd.Executor.Storage;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Sources;

/// <summary>
/// Capture files read ahead into buffers from an <see cref="ImportBufferPool"/> (<see cref="CaptureReaderOptions.Buffers"/>):
/// the next file's source gets the very buffers of the previous one once its read thread has stopped, and what those
/// buffers held never shows in the records read.
/// </summary>
public sealed class PooledReadAheadTests
{
    private const string File = "tcp/zeek_http_bro.org.pcap";

    [Fact]
    public void The_next_source_reads_into_the_buffers_of_the_previous_one()
    {
        var pool = new ImportBufferPool();
        var options = new CaptureReaderOptions { Buffers = pool };
        var length = options.LargestRead + options.EffectiveReadAheadChunkSize;
        List<string> expected;
        using (var reference = CaptureFile.Open(SharedData.Pcap(File)))
            expected = Records(reference);

        var first = CaptureFile.Open(SharedData.Pcap(File), options);
        Assert.Equal(expected, Records(first));
        // Nothing is back while the source (and its read thread) is open.
        Assert.Equal(0, pool.RetainedBytes);
        first.Dispose();
        var buffers = TakeAll(pool, length);
        Assert.Equal(options.ReadAheadChunks, buffers.Count);
        // Old bytes everywhere: none of them may reach a record.
        foreach (var buffer in buffers)
        {
            buffer.AsSpan().Fill(0xA5);
            pool.ReturnPinned(buffer);
        }

        using (var second = CaptureFile.Open(SharedData.Pcap(File), options))
        {
            Assert.Equal(0, pool.RetainedBytes);
            Assert.Equal(expected, Records(second));
        }
        Assert.Equal(buffers.ToHashSet(ReferenceEqualityComparer.Instance), TakeAll(pool, length).ToHashSet(ReferenceEqualityComparer.Instance));
    }

    [Fact]
    public void A_source_disposed_mid_file_gives_its_buffers_back()
    {
        var pool = new ImportBufferPool();
        var options = new CaptureReaderOptions { Buffers = pool, ReadAheadChunks = 3 };
        using (var source = CaptureFile.Open(SharedData.Pcap(File), options))
            Assert.True(source.TryReadNext(out _));
        Assert.Equal(3, TakeAll(pool, options.LargestRead + options.EffectiveReadAheadChunkSize).Count);
    }

    private static List<byte[]> TakeAll(ImportBufferPool pool, int length)
    {
        var taken = new List<byte[]>();
        while (pool.TryRentPinned(length) is { } buffer)
            taken.Add(buffer);
        return taken;
    }

    private static List<string> Records(IRecordSource source)
    {
        var records = new List<string>();
        while (source.TryReadNext(out var r))
            records.Add($"{r.FileOffset} {r.OriginalLength} {r.TimestampNanos} {r.InterfaceId} {r.Flags} {Convert.ToHexString(r.Data)}");
        return records;
    }
}
