using Vnd.Capture.Sources;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Sources;

/// <summary>
/// A capture file read ahead on a second thread gives exactly the records, bytes included, that the single-buffer
/// stream reader gives: with chunks smaller than a record's room, so records straddle chunks and one partial record
/// spans several; a read that fails surfaces to the reader after the records before it; disposing mid-file stops the
/// read thread.
/// </summary>
public sealed class ReadAheadInputTests
{
    /// <summary>Records of at most 16 KiB; chunks of 4 KiB, so the room for a partial record is five chunks.</summary>
    private static readonly CaptureReaderOptions SmallChunks = new() { MaxRecordSize = 16 * 1024, BlockOverhead = 4096, BufferSize = 0 };

    [Theory]
    [InlineData("tcp/zeek_http_bro.org.pcap")]
    [InlineData("linktypes/zeek_smb_dssetup_be.cap")]
    [InlineData("pcapng/zeek_irc-dcc-send.pcapng")]
    [InlineData("pcapng_suite/hadrielk_be_test202.pcapng")]
    public void Read_ahead_gives_the_records_and_bytes_of_the_stream(string file)
    {
        var whole = File.ReadAllBytes(SharedData.Pcap(file));
        using (var streamed = CaptureFile.Open(new MemoryStream(whole), SmallChunks))
        {
            var expected = Records(streamed);
            Assert.NotEmpty(expected);
            foreach (var (chunk, chunks) in new[] { (4096, 2), (4096, 8), (1 << 20, 2), (1 << 20, 8) })
            {
                using var ahead = Open(new MemoryStream(whole), SmallChunks, chunk, chunks);
                Assert.Equal(expected, Records(ahead));
                Assert.Equal(streamed.Diagnostics.Total, ahead.Diagnostics.Total);
            }
        }
        // The default for a regular file.
        using var opened = CaptureFile.Open(SharedData.Pcap(file));
        using var reference = CaptureFile.Open(new MemoryStream(whole));
        Assert.Equal(Records(reference), Records(opened));
    }

    [Fact]
    public void A_failed_read_is_thrown_after_the_records_before_it()
    {
        var whole = File.ReadAllBytes(SharedData.Pcap("tcp/zeek_http_bro.org.pcap"));
        List<string> expected;
        using (var streamed = CaptureFile.Open(new MemoryStream(whole), SmallChunks))
            expected = Records(streamed);
        var failAt = whole.Length / 2;
        using var ahead = Open(new FailingStream(whole, failAt), SmallChunks, 4096);
        var read = new List<string>();
        Assert.Throws<IOException>(() =>
        {
            while (ahead.TryReadNext(out var record))
                read.Add(Describe(record));
        });
        Assert.NotEmpty(read);
        Assert.Equal(expected.Take(read.Count), read);
        Assert.True(ahead.Diagnostics.BytesRead <= failAt);
    }

    [Fact]
    public void Disposing_mid_file_stops_the_read_thread()
    {
        var whole = File.ReadAllBytes(SharedData.Pcap("tcp/zeek_http_bro.org.pcap"));
        var stream = new MemoryStream(whole);
        var ahead = Open(stream, SmallChunks, 4096);
        Assert.True(ahead.TryReadNext(out _));
        ahead.Dispose(); // joins the read thread, which may be waiting for a free buffer
        Assert.Throws<ObjectDisposedException>(() => stream.ReadByte());
    }

    private static IRecordSource Open(Stream stream, CaptureReaderOptions options, int chunk, int chunks = 8)
    {
        var input = new ReadAheadInput(stream, options.LargestRead, chunk, chunks, leaveOpen: false);
        Assert.True(input.Ensure(4));
        var magic = BitConverter.ToUInt32(input.Peek(4));
        return magic switch
        {
            0xA1B2C3D4 => new PcapReader(input, options, bigEndian: false, nanosecond: false),
            0xD4C3B2A1 => new PcapReader(input, options, bigEndian: true, nanosecond: false),
            _ => new PcapngReader(input, options),
        };
    }

    /// <summary>Each record as its offset, lengths, time and every captured byte.</summary>
    private static List<string> Records(IRecordSource source)
    {
        var records = new List<string>();
        while (source.TryReadNext(out var record))
            records.Add(Describe(record));
        return records;
    }

    private static string Describe(PacketRecord r) =>
        $"{r.FileOffset} {r.OriginalLength} {r.TimestampNanos} {r.InterfaceId} {r.Flags} {Convert.ToHexString(r.Data)}";

    /// <summary>A stream whose reads fail once they reach <c>failAt</c>, as a disk error would.</summary>
    private sealed class FailingStream(byte[] data, int failAt) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= failAt)
                throw new IOException("read failed");
            return base.Read(buffer, offset, (int)Math.Min(count, failAt - Position));
        }
    }
}
