using Vnd.Capture.Sources;
using Vnd.Planner.Types;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Sources;

/// <summary>Bad records are counted, flagged and kept when their bytes are there; unframable ones stop reading.</summary>
public sealed class RecordRepairTests
{
    [Theory]
    [InlineData("malformed/tcpdump_timestamp_invalid_micro.pcap", TimeUnit.Microsecond,
        1418145369_999999000L, 1418145371_000000000L, 1418147517_483648000L)]
    [InlineData("malformed/tcpdump_timestamp_invalid_nano.pcap", TimeUnit.Nanosecond,
        1418145369_999999999L, 1418145371_000000000L, 1418145372_147483648L)]
    public void Out_of_range_fractions_are_carried_into_seconds(string file, TimeUnit unit, long first, long second, long third)
    {
        using var source = CaptureFile.Open(SharedData.Pcap(file));
        Assert.Equal(unit, source.Resolution);
        var records = RecordSnapshot.ReadAll(source);
        Assert.Equal([first, second, third], records.ConvertAll(r => r.TimestampNanos));
        Assert.Equal([RecordFlags.None, RecordFlags.TimestampNormalized, RecordFlags.TimestampNormalized],
            records.ConvertAll(r => r.Flags));
        Assert.Equal(2, source.Diagnostics[ReaderErrorKind.InvalidTimestampFraction]);
        Assert.Equal(2, source.Diagnostics.Counts[(int)ReaderErrorKind.InvalidTimestampFraction]);
        Assert.Equal(2, source.Diagnostics.Total);
    }

    [Fact]
    public void Caplen_above_snaplen_keeps_every_captured_byte()
    {
        using var source = CaptureFile.Open(SharedData.Pcap("malformed/zeek_trunc-hdr.pcap"));
        Assert.True(source.TryReadNext(out var record));
        Assert.Equal(8, record.Data.Length);
        Assert.Equal(RecordFlags.CaplenExceedsSnaplen, record.Flags);
        Assert.Equal(1, source.Diagnostics[ReaderErrorKind.CaplenExceedsSnaplen]);
    }

    [Fact]
    public void Zero_and_oversized_caplen_in_pcap()
    {
        var bytes = new SyntheticCapture().PcapHeader(snapLength: 100)
            .PcapRecord(1, 0, 0, 60)
            .PcapRecord(2, 0, 80, 40)
            .PcapRecord(3, 0, 300 * 1024, 300 * 1024, bodyLength: 64)
            .PcapRecord(4, 0, 10, 10)
            .ToArray();
        using var source = CaptureFile.Open(new MemoryStream(bytes));
        var records = RecordSnapshot.ReadAll(source);
        Assert.Equal(2, records.Count);
        Assert.Equal(RecordFlags.Empty, records[0].Flags);
        Assert.Equal(RecordFlags.CaplenExceedsOriginal, records[1].Flags);
        Assert.Equal(80, records[1].CapturedLength);
        Assert.Equal(1, source.Diagnostics[ReaderErrorKind.CaplenZero]);
        Assert.Equal(1, source.Diagnostics[ReaderErrorKind.CaplenTooLarge]);
        // The third record's length cannot be trusted to find the fourth: reading stops at the third.
        Assert.Equal(24 + 16 + 16 + 80, source.Diagnostics.AbandonedAtOffset);
        Assert.Null(source.Diagnostics.TruncatedAtOffset);
    }

    [Fact]
    public void Pcapng_caplen_beyond_its_block_is_clamped_and_bad_interface_dropped()
    {
        var bytes = new SyntheticCapture().SectionHeader().InterfaceDescription(1, 0)
            .EnhancedPacket(0, 5, 200, 200, bodyLength: 40)
            .EnhancedPacket(7, 6, 20, 20)
            .EnhancedPacket(0, 7, 20, 20)
            .ToArray();
        using var source = CaptureFile.Open(new MemoryStream(bytes));
        var records = RecordSnapshot.ReadAll(source);
        Assert.Equal(2, records.Count);
        Assert.Equal(40, records[0].CapturedLength);
        Assert.Equal(RecordFlags.CaplenClamped, records[0].Flags);
        Assert.Equal(7_000, records[1].TimestampNanos);
        Assert.Equal(1, source.Diagnostics[ReaderErrorKind.CaplenExceedsBlock]);
        Assert.Equal(1, source.Diagnostics[ReaderErrorKind.InterfaceIdOutOfRange]);
    }

    [Fact]
    public void Pcapng_bad_block_length_stops_at_that_block()
    {
        var capture = new SyntheticCapture().SectionHeader().InterfaceDescription(1, 0).EnhancedPacket(0, 1, 20, 20);
        var goodEnd = capture.ToArray().Length;
        var bytes = capture.EnhancedPacket(0, 2, 20, 20).EnhancedPacket(0, 3, 20, 20).ToArray();
        bytes[goodEnd + 4] += 2; // length no longer a multiple of 4
        using var source = CaptureFile.Open(new MemoryStream(bytes));
        Assert.Single(RecordSnapshot.ReadAll(source));
        Assert.Equal(1, source.Diagnostics[ReaderErrorKind.BadBlockLength]);
        Assert.Equal(goodEnd, source.Diagnostics.AbandonedAtOffset);
    }
}
