using System.Text;
using Vnd.Capture.Decoding;
using Vnd.Capture.Tests.Support;
using Vnd.Tests.Shared;
using Xunit.Abstractions;

namespace Vnd.Capture.Tests.Decoding;

/// <summary>
/// Every packet of every well-formed sample capture, every header column of its tshark truth CSV: VND's value
/// must equal tshark's. A ';'-joined truth value lists the layers outermost first; VND keeps the outer packet,
/// the innermost tunnel frame and the ICMP-quoted header, so the first truth value is compared with the outer and
/// the last with the innermost (middle layers of nested tunnels are not kept, except VLAN tags, VNIs and GRE).
/// </summary>
public class GroundTruthTests(ITestOutputHelper output)
{
    private static readonly string[] Folders =
        ["tcp", "udp_dns", "icmp_arp", "ipv6", "vlan", "tunnels", "linktypes", "truncated", "pcapng", "pcapng_suite", "edge"];

    private static readonly string[] Columns =
    [
        "frame.len", "frame.cap_len", "frame.interface_id", "eth.src", "eth.dst", "vlan.id", "ip.src", "ip.dst", "ip.proto", "ip.id", "ip.len",
        "ip.ttl", "ip.flags.mf", "ip.frag_offset", "ipv6.src", "ipv6.dst", "ipv6.nxt", "ipv6.plen", "ipv6.hlim",
        "udp.srcport", "udp.dstport", "udp.length", "vxlan.vni", "geneve.vni", "gre.proto", "tcp.srcport", "tcp.dstport",
        "tcp.seq_raw", "tcp.ack_raw", "tcp.flags", "tcp.len", "tcp.window_size_value", "icmp.type", "icmp.code",
        "icmpv6.type", "icmpv6.code", "arp.opcode", "arp.src.proto_ipv4", "arp.dst.proto_ipv4", "dns.id",
        "dns.flags.response", "dns.qry.name",
    ];

    /// <summary>Fields VND keeps every occurrence of, so the whole list must match.</summary>
    private static readonly HashSet<string> AllOccurrences = ["vlan.id", "vxlan.vni", "gre.proto"];

    public static TheoryData<string> Files() => SampleCaptures.InFolders(Folders);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_truth_field_matches(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        var truth = CsvTable.Load(SharedData.Truth(name));
        var frames = SampleCaptures.Read(SharedData.Pcap(relativePath));
        // tshark 4.0 turns pcapng Custom Blocks into extra "data" rows without an interface id; real packets have one.
        var rows = relativePath.EndsWith(".pcapng", StringComparison.Ordinal)
            ? truth.Rows.Where(r => truth.Get(r, "frame.interface_id").Length > 0).ToList()
            : [.. truth.Rows];
        Assert.Equal(rows.Count, frames.Count);

        var decoder = new PacketDecoder(OptionsFor(name));
        var packet = DecodedPacket.Create();
        var matched = Columns.ToDictionary(c => c, _ => 0);
        var mismatches = new List<string>();
        var exceptions = TruthException.All.Where(e => e.File == name).ToList();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            decoder.Decode(frame.Data, frame.LinkType, frame.OriginalLength, ref packet);
            packet.InterfaceId = frame.InterfaceId; // the importer's job: the capture record, not the bytes, knows it
            Assert.False(packet.HasError(DecodeErrorKind.DecoderFault), $"decoder fault in frame {i + 1}");
            foreach (var column in Columns)
            {
                var expected = truth.Get(rows[i], column);
                var ours = TsharkValues.Of(in packet, frame.Data, column);
                var exception = exceptions.FirstOrDefault(e => e.Frame == i + 1 && e.Column == column);
                if (exception is { Expected: null })
                {
                    ours = ours.Take(1).ToList();
                    expected = expected.Split(';')[0];
                }
                else if (exception is not null)
                    expected = exception.Expected;
                if (Matches(column, expected, ours))
                    matched[column]++;
                else
                    mismatches.Add($"frame {i + 1} {column}: truth '{expected}' vnd '{string.Join(';', ours)}'");
            }
        }

        var report = new StringBuilder($"{relativePath}: {frames.Count} packets\n");
        foreach (var (column, count) in matched)
        {
            if (truth.Has(column))
                report.Append($"  {column} {count}/{frames.Count}\n");
        }
        foreach (var e in exceptions.DistinctBy(e => e.Reason))
            report.Append($"  exception: {e.Reason}\n");
        output.WriteLine(report.ToString());
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches, first:\n" + string.Join('\n', mismatches.Take(25)));
    }

    private static bool Matches(string column, string expected, List<string> ours)
    {
        if (expected.Length == 0)
            return ours.Count == 0;
        var values = expected.Split(';');
        if (AllOccurrences.Contains(column) || values.Length == 1)
            return values.SequenceEqual(ours);
        return ours.Count >= 2 && ours[0] == values[0] && ours[^1] == values[^1];
    }

    /// <summary>The truth of the 8472 capture was made with <c>-d udp.port==8472,vxlan</c>; VND's equivalent.</summary>
    private static DecoderOptions OptionsFor(string name) =>
        name == "tcpdump_vxlan_port_8472.pcap" ? new DecoderOptions([DecoderOptions.IanaVxlanPort, 8472]) : DecoderOptions.Default;
}
