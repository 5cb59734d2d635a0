using Vnd.Capture.Sources;

namespace Vnd.Capture.Tests.Sources;

/// <summary>Reading a large capture keeps memory bounded: buffers of a fixed size, no allocation per packet.</summary>
public sealed class StreamingMemoryTests
{
    [Fact]
    public void Large_pcap_reads_with_bounded_allocation()
    {
        const int packets = 1_500_000;
        const int packetLength = 98;
        var path = Path.Combine(Path.GetTempPath(), $"vnd-readers-{Guid.NewGuid():N}.pcap");
        try
        {
            WriteCapture(path, packets, packetLength);
            Assert.True(new FileInfo(path).Length > 150_000_000);

            var before = GC.GetAllocatedBytesForCurrentThread();
            long count = 0;
            long bytes = 0;
            long lastTime = 0;
            using (var source = CaptureFile.Open(path))
            {
                while (source.TryReadNext(out var record))
                {
                    count++;
                    bytes += record.Data.Length;
                    Assert.True(record.TimestampNanos > lastTime);
                    lastTime = record.TimestampNanos;
                }
                Assert.Equal(0, source.Diagnostics.Total);
            }
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(packets, count);
            Assert.Equal((long)packets * packetLength, bytes);
            // The read-ahead ring: 8 chunks of 1 MiB, each with room for the largest record (~0.3 MiB), about 11 MB
            // whatever the file's size (150 MB here); nothing per record.
            Assert.True(allocated < 12 * 1024 * 1024, $"allocated {allocated} bytes");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void WriteCapture(string path, int packets, int packetLength)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        file.Write(new SyntheticCapture().PcapHeader(snapLength: 262144).ToArray());
        var record = new byte[16 + packetLength];
        for (var i = 0; i < packets; i++)
        {
            BitConverter.TryWriteBytes(record.AsSpan(0), 1_700_000_000 + i / 1_000_000);
            BitConverter.TryWriteBytes(record.AsSpan(4), i % 1_000_000);
            BitConverter.TryWriteBytes(record.AsSpan(8), packetLength);
            BitConverter.TryWriteBytes(record.AsSpan(12), packetLength);
            record[16] = (byte)i;
            file.Write(record);
        }
    }
}
