using Vnd.Capture.Sources;
using Vnd.Planner.Types;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Sources;

/// <summary>pcapng features: sections of mixed byte order, many interfaces, timestamp resolution and offset.</summary>
public sealed class PcapngFeatureTests
{
    [Theory]
    [InlineData("pcapng_suite/hadrielk_le_test202.pcapng")]
    [InlineData("pcapng_suite/hadrielk_be_test202.pcapng")]
    public void Sections_of_different_byte_order_restart_interface_numbering(string file)
    {
        using var source = CaptureFile.Open(SharedData.Pcap(file));
        var records = RecordSnapshot.ReadAll(source);
        Assert.Equal(8, records.Count);
        Assert.Equal([0, 0, 1, 0, 0, 0, 0, 1], records.ConvertAll(r => r.InterfaceId));
        Assert.Equal([true, true, true, false, true, false, true, true], records.ConvertAll(r => r.HasTimestamp));
        Assert.Equal(LinkType.Null, records[2].LinkType);
        Assert.Equal(3, source.Diagnostics[ReaderErrorKind.CustomBlockSkipped]);
        Assert.Equal(3, source.Diagnostics.Total);
    }

    [Fact]
    public void One_hundred_twenty_six_interfaces_packets_on_48()
    {
        using var source = CaptureFile.Open(SharedData.Pcap("pcapng/zeek_ldap_modify-request.pcapng"));
        var records = RecordSnapshot.ReadAll(source);
        Assert.Equal(17, records.Count);
        Assert.All(records, r => Assert.Equal(48, r.InterfaceId));
        Assert.All(records, r => Assert.Equal(LinkType.Ethernet, r.LinkType));
    }

    [Theory]
    [InlineData("pcapng/zeek_pcapng-multi-interface.pcapng", TimeUnit.Nanosecond)]
    [InlineData("pcapng_suite/hadrielk_le_test001.pcapng", TimeUnit.Microsecond)]
    [InlineData("linktypes/tcpdump_tcp-handshake-nano.pcap", TimeUnit.Nanosecond)]
    [InlineData("linktypes/zeek_smb_dssetup_be.cap", TimeUnit.Microsecond)]
    public void Resolution_is_known_right_after_open(string file, TimeUnit unit)
    {
        using var source = CaptureFile.Open(SharedData.Pcap(file));
        Assert.Equal(unit, source.Resolution);
    }

    [Fact]
    public void Mixed_nanosecond_and_microsecond_interfaces_keep_their_precision()
    {
        using var source = CaptureFile.Open(SharedData.Pcap("pcapng/zeek_pcapng-multi-interface.pcapng"));
        var records = RecordSnapshot.ReadAll(source);
        Assert.Contains(records, r => r.TimestampNanos % 1000 != 0);
        Assert.Contains(records, r => r.InterfaceId == 1 && r.TimestampNanos % 1000 == 0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Tsresol_powers_of_ten_and_two_and_tsoffset(bool bigEndian)
    {
        var bytes = new SyntheticCapture(bigEndian).SectionHeader()
            .InterfaceDescription(1, 0)                                   // default 10^-6
            .InterfaceDescription(1, 0, tsresol: 9)                       // 10^-9
            .InterfaceDescription(1, 0, tsresol: 0x80 | 10)               // 2^-10 s
            .InterfaceDescription(101, 0, tsresol: 3, tsoffset: 1_000)    // ms, +1000 s
            .InterfaceDescription(1, 0, tsresol: 12)                      // 10^-12: divide
            .EnhancedPacket(0, 1_500_000_123, 4, 4)
            .EnhancedPacket(1, 1_500_000_123, 4, 4)
            .EnhancedPacket(2, 3 * 1024 + 512, 4, 4)
            .EnhancedPacket(3, 2_500, 4, 4)
            .EnhancedPacket(4, 7_000_000_999_999, 4, 4)
            .ToArray();
        using var source = CaptureFile.Open(new MemoryStream(bytes));
        Assert.Equal(TimeUnit.Nanosecond, source.Resolution);
        var records = RecordSnapshot.ReadAll(source);
        Assert.Equal([1_500_000_123_000L, 1_500_000_123L, 3_500_000_000L, 1_002_500_000_000L, 7_000_000_999L],
            records.ConvertAll(r => r.TimestampNanos));
        Assert.Equal(LinkType.Raw, records[3].LinkType);
        Assert.Equal(0, source.Diagnostics.Total);
    }

    [Fact]
    public void Timestamps_past_2262_saturate_and_are_counted()
    {
        var bytes = new SyntheticCapture().SectionHeader().InterfaceDescription(1, 0)
            .EnhancedPacket(0, ulong.MaxValue, 4, 4).ToArray();
        using var source = CaptureFile.Open(new MemoryStream(bytes));
        var record = Assert.Single(RecordSnapshot.ReadAll(source));
        Assert.Equal(long.MaxValue, record.TimestampNanos);
        Assert.Equal(RecordFlags.TimestampOverflow, record.Flags);
        Assert.Equal(1, source.Diagnostics[ReaderErrorKind.TimestampOverflow]);
    }

    [Fact]
    public void Unknown_blocks_are_skipped_and_counted_even_when_larger_than_the_buffer()
    {
        var options = new CaptureReaderOptions { MaxRecordSize = 1024, BlockOverhead = 1024, BufferSize = 4096 };
        var bytes = new SyntheticCapture().SectionHeader().InterfaceDescription(1, 0)
            .Block(0x12345678, body => body.Bytes(100_000))
            .Block(4, body => body.Bytes(50_000))
            .EnhancedPacket(0, 1, 60, 60)
            .ToArray();
        using var source = CaptureFile.Open(new MemoryStream(bytes), options);
        var record = Assert.Single(RecordSnapshot.ReadAll(source));
        Assert.Equal(60, record.CapturedLength);
        Assert.Equal(1, source.Diagnostics[ReaderErrorKind.UnknownBlockSkipped]);
        Assert.Equal(bytes.Length, source.Diagnostics.BytesRead);
    }

    [Fact]
    public void Both_pcap_byte_orders_read_the_same_records()
    {
        foreach (var bigEndian in new[] { false, true })
        {
            var bytes = new SyntheticCapture(bigEndian).PcapHeader(magic: 0xA1B23C4D, linkWord: 113)
                .PcapRecord(1_700_000_000, 123_456_789, 42, 1500).ToArray();
            using var source = CaptureFile.Open(new MemoryStream(bytes));
            Assert.Equal(TimeUnit.Nanosecond, source.Resolution);
            var record = Assert.Single(RecordSnapshot.ReadAll(source));
            Assert.Equal(new RecordSnapshot(42, 1500, 1_700_000_000_123_456_789L, true, LinkType.LinuxSll, -1, 24,
                RecordFlags.None, 0), record);
        }
    }

    [Fact]
    public void Obsolete_and_simple_packet_blocks()
    {
        var bytes = new SyntheticCapture().SectionHeader().InterfaceDescription(9, 50)
            .Block(2, body => body.U16(0).U16(0).U32(0).U32(2_000_000).U32(30).U32(60).Bytes(30).Pad())
            .Block(3, body => body.U32(80).Bytes(80))   // captured = min(original 80, snaplen 50, body 80)
            .Block(3, body => body.U32(20).Bytes(24))   // captured = original 20, body padded
            .ToArray();
        using var source = CaptureFile.Open(new MemoryStream(bytes));
        var records = RecordSnapshot.ReadAll(source);
        Assert.Equal(3, records.Count);
        Assert.Equal((30, 60, 2_000_000_000L, true, LinkType.Ppp), (records[0].CapturedLength, records[0].OriginalLength,
            records[0].TimestampNanos, records[0].HasTimestamp, records[0].LinkType));
        Assert.Equal((50, 80, false, 0), (records[1].CapturedLength, records[1].OriginalLength, records[1].HasTimestamp, records[1].InterfaceId));
        Assert.Equal(20, records[2].CapturedLength);
        Assert.Equal(0, source.Diagnostics.Total);
    }

    [Fact]
    public void A_bad_later_section_header_ends_reading_without_throwing()
    {
        var capture = new SyntheticCapture().SectionHeader().InterfaceDescription(1, 0).EnhancedPacket(0, 1, 20, 20);
        var secondSection = capture.ToArray().Length;
        var bytes = capture.SectionHeader(major: 2).InterfaceDescription(1, 0).EnhancedPacket(0, 2, 20, 20).ToArray();
        using var source = CaptureFile.Open(new MemoryStream(bytes));
        Assert.Single(RecordSnapshot.ReadAll(source));
        Assert.Equal(1, source.Diagnostics[ReaderErrorKind.BadSectionHeader]);
        Assert.Equal(secondSection, source.Diagnostics.AbandonedAtOffset);
    }
}
