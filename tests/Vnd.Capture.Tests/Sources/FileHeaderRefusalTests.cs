using Vnd.Capture.Sources;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Sources;

/// <summary>Files whose header cannot be trusted are refused at open with the reason and its offset.</summary>
public sealed class FileHeaderRefusalTests
{
    [Theory]
    [InlineData("malformed/libpcap_pcap-invalid-version-1.pcap", CaptureFormatError.UnsupportedVersion, 4)]
    [InlineData("malformed/libpcap_pcapng-invalid-vers-1.pcapng", CaptureFormatError.UnsupportedVersion, 12)]
    [InlineData("malformed/libpcap_pcapng-invalid-vers-2.pcapng", CaptureFormatError.UnsupportedVersion, 12)]
    [InlineData("malformed/libpcap_shb-option-too-long.pcapng", CaptureFormatError.OptionTooLong, 24)]
    [InlineData("malformed/libpcap_linktype-reserved-field-not-zero.pcap", CaptureFormatError.ReservedLinkTypeBits, 20)]
    public void Manifest_files_that_must_be_refused(string file, CaptureFormatError kind, long offset)
    {
        var error = Assert.Throws<CaptureFormatException>(() => CaptureFile.Open(SharedData.Pcap(file)).Dispose());
        Assert.Equal(kind, error.Kind);
        Assert.Equal(offset, error.Offset);
        Assert.Contains(kind.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_magic_and_tiny_files_are_refused()
    {
        Assert.Equal(CaptureFormatError.UnknownMagic, Refuse([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]));
        Assert.Equal(CaptureFormatError.TruncatedHeader, Refuse([]));
        Assert.Equal(CaptureFormatError.TruncatedHeader, Refuse([0xD4, 0xC3]));
        var header = new SyntheticCapture().PcapHeader().ToArray();
        Assert.Equal(CaptureFormatError.TruncatedHeader, Refuse(header[..20]));
    }

    [Fact]
    public void Pcapng_section_header_checks()
    {
        var good = new SyntheticCapture().SectionHeader().ToArray();
        var badMagic = (byte[])good.Clone();
        badMagic[8] = 0x99;
        Assert.Equal(CaptureFormatError.BadByteOrderMagic, Refuse(badMagic));
        var badTrailer = (byte[])good.Clone();
        badTrailer[^4] ^= 4;
        Assert.Equal(CaptureFormatError.BadBlockLength, Refuse(badTrailer));
        var oddLength = (byte[])good.Clone();
        oddLength[4] = 27;
        Assert.Equal(CaptureFormatError.BadBlockLength, Refuse(oddLength));
        Assert.Equal(CaptureFormatError.UnsupportedVersion, Refuse(new SyntheticCapture(bigEndian: true).SectionHeader(2, 0).ToArray()));
    }

    [Fact]
    public void Fcs_bits_of_the_link_type_word_are_not_errors()
    {
        // 0x3000xxxx: FCS-length nibble set, "present" bit clear (fuzzed tcpdump files; tcpdump and tshark accept).
        using var ethernet = CaptureFile.Open(SharedData.Pcap("malformed/tcpdump_gre-heapoverflow-1.pcap"));
        Assert.True(ethernet.TryReadNext(out var record));
        Assert.Equal(LinkType.Ethernet, record.LinkType);
        using var ipv6 = CaptureFile.Open(SharedData.Pcap("malformed/tcpdump_ipv6-next-header-oobr-1.pcap"));
        Assert.True(ipv6.TryReadNext(out record));
        Assert.Equal(LinkType.Ipv6, record.LinkType);
        using var user13 = CaptureFile.Open(SharedData.Pcap("malformed/tcpdump_unsupported-link-type-160.pcap"));
        Assert.True(user13.TryReadNext(out record));
        Assert.Equal((LinkType)160, record.LinkType);
    }

    private static CaptureFormatError Refuse(byte[] bytes) =>
        Assert.Throws<CaptureFormatException>(() => CaptureFile.Open(new MemoryStream(bytes)).Dispose()).Kind;
}
