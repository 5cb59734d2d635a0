using System.Text;
using Vnd.Capture.Decoding;
using Vnd.Capture.Sources;
using Vnd.Capture.Tests.Support;
using Vnd.Tests.Shared;
using Xunit.Abstractions;

namespace Vnd.Capture.Tests.Decoding;

/// <summary>
/// Every readable file of malformed/, edge/ and truncated/ decodes without an exception or a decoder fault, and
/// the files whose defect the MANIFEST names report that defect as a <see cref="DecodeErrorKind"/>.
/// </summary>
public class MalformedCaptureTests(ITestOutputHelper output)
{
    /// <summary>Files the capture reader must refuse (bad file header); there is no frame to decode. The MANIFEST
    /// marks them "unreadable", and so must truth/index.csv.</summary>
    private static readonly HashSet<string> Unreadable =
    [
        "libpcap_pcap-invalid-version-1.pcap", "libpcap_pcapng-invalid-vers-1.pcapng",
        "libpcap_pcapng-invalid-vers-2.pcapng", "libpcap_shb-option-too-long.pcapng",
        "libpcap_linktype-reserved-field-not-zero.pcap",
    ];

    /// <summary>The defect of a file as the MANIFEST (tcpdump/tshark output) describes it.</summary>
    private static readonly Dictionary<string, DecodeErrorKind> ExpectedKinds = new()
    {
        ["tcpdump_unsupported-link-type-160.pcap"] = DecodeErrorKind.UnknownLinkType,
        ["tcpdump_ipv6-bad-version.pcap"] = DecodeErrorKind.BadIpVersion,
        ["zeek_trunc-hdr.pcap"] = DecodeErrorKind.TruncatedEthernet,
        ["zeek_ip4-trunc.pcap"] = DecodeErrorKind.TruncatedIpv4,
        ["tcpdump_dns-zlip-1.pcap"] = DecodeErrorKind.DnsTruncated,
        ["packetnet_ip_packet_bogus_length.pcap"] = DecodeErrorKind.IpLengthZero,
        ["zeek_ip-bogus-header-len.pcap"] = DecodeErrorKind.IpLengthZero,
        ["zeek_ipv4-truncated-broken-header.pcap"] = DecodeErrorKind.IpLengthTooSmall,
        ["tcpdump_icmp-cksum-oobr-1.pcap"] = DecodeErrorKind.IpLengthPastFrame,
        ["tcpdump_arp-too-long-tha.pcap"] = DecodeErrorKind.ArpUnsupportedFormat,
        ["tcpdump_ipv6_invalid_length.pcap"] = DecodeErrorKind.TruncatedIpv6,
        ["tcpdump_bigtcp-ipv6.pcap"] = DecodeErrorKind.IpLengthZero,
        ["tcpdump_bigtcp-ipv4-vxlan-ipv4.pcap"] = DecodeErrorKind.IpLengthZero,
        ["zeek_tcp_truncated-header.pcap"] = DecodeErrorKind.TruncatedTcp,
    };

    public static TheoryData<string> Files() => SampleCaptures.InFolders("malformed", "edge", "truncated");

    [Theory]
    [MemberData(nameof(Files))]
    public void Decodes_without_exception_and_counts_error_kinds(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        Assert.Equal(CaptureIndex.Find(relativePath).Unreadable, Unreadable.Contains(name));
        if (Unreadable.Contains(name))
        {
            Assert.Throws<CaptureFormatException>(() => SampleCaptures.Read(SharedData.Pcap(relativePath)));
            output.WriteLine($"{relativePath}: refused by the file reader, as it must be");
            return;
        }
        var frames = SampleCaptures.Read(SharedData.Pcap(relativePath));
        var decoder = PacketDecoder.Default;
        var packet = DecodedPacket.Create();
        var counts = new int[64];
        foreach (var frame in frames)
        {
            decoder.Decode(frame.Data, frame.LinkType, frame.OriginalLength, ref packet);
            Assert.False(packet.HasError(DecodeErrorKind.DecoderFault));
            for (var bit = 0; bit < 64; bit++)
            {
                if ((packet.Errors & (1UL << bit)) != 0)
                    counts[bit]++;
            }
        }
        var report = new StringBuilder($"{relativePath}: {frames.Count} packets");
        for (var bit = 0; bit < 64; bit++)
        {
            if (counts[bit] > 0)
                report.Append($", {(DecodeErrorKind)bit} x{counts[bit]}");
        }
        output.WriteLine(report.ToString());
        if (ExpectedKinds.TryGetValue(name, out var expected))
            Assert.True(counts[(int)expected] > 0, $"{name}: expected {expected}; got {report}");
    }
}
