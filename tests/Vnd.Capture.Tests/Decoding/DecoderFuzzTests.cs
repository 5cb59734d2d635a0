using System.Diagnostics;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Capture.Tests.Support;
using Vnd.Tests.Shared;
using Xunit.Abstractions;

namespace Vnd.Capture.Tests.Decoding;

/// <summary>
/// Mutated real packets (flipped bytes, cuts, wrong link types) from fixed seeds: decoding and reading every
/// catalog field never throws and never trips the decoder's internal fault guard. Bounded to a few seconds.
/// </summary>
public class DecoderFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Sources =
    [
        "tunnels/zeek_vxlan-triple-v2.pcap", "tunnels/tcpdump_geneve.pcap", "tunnels/tcpdump_various_gre.pcap",
        "tunnels/zeek_erspanII.pcap", "tcp/gopacket_test_ethernet.pcap", "udp_dns/zeek_wikipedia.pcap",
        "icmp_arp/tcpdump_mpls-traceroute.pcap", "icmp_arp/tcpdump_icmpv6.pcap", "ipv6/libpcap_ipv6_ext_headers.pcap",
        "vlan/zeek_vlan-qinqinq.pcap", "linktypes/zeek_linux_dlt_sll2.pcap", "linktypes/gopacket_test_loopback.pcap",
        "linktypes/tcpdump_pptp.pcap", "tcp/tcpreplay_test.pcap",
    ];

    private static readonly ushort[] LinkTypes = [0, 1, 9, 101, 108, 113, 228, 229, 276, 160];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mutated_packets_never_throw(int seed)
    {
        var frames = Sources.SelectMany(s => SampleCaptures.Read(SharedData.Pcap(s))).ToList();
        var random = new Random(seed);
        var decoder = new PacketDecoder(new DecoderOptions([4789, 8472]));
        var packet = DecodedPacket.Create();
        var fields = FieldCatalog.Default.Fields;
        var clock = Stopwatch.StartNew();
        var iterations = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(3))
        {
            var source = frames[random.Next(frames.Count)];
            var bytes = Mutate(source.Data, random);
            var linkType = random.Next(10) == 0 ? LinkTypes[random.Next(LinkTypes.Length)] : source.LinkType;
            var original = random.Next(8) == 0 ? random.Next(0, 100_000) : source.OriginalLength;
            decoder.Decode(bytes, linkType, original, ref packet);
            Assert.False(packet.HasError(DecodeErrorKind.DecoderFault), $"seed {seed} iteration {iterations}");
            ReadAll(in packet, bytes, fields);
            iterations++;
        }
        output.WriteLine($"seed {seed}: {iterations} mutated packets decoded");
        Assert.True(iterations > 1000);
    }

    private static byte[] Mutate(byte[] data, Random random)
    {
        var length = random.Next(4) == 0 ? random.Next(data.Length + 1) : data.Length;
        var bytes = data.AsSpan(0, length).ToArray();
        var flips = random.Next(1, 9);
        for (var i = 0; i < flips && bytes.Length > 0; i++)
        {
            // Bias towards the first 120 bytes, where the headers are.
            var at = random.Next(Math.Min(bytes.Length, random.Next(2) == 0 ? 120 : bytes.Length));
            bytes[at] = random.Next(3) switch { 0 => 0, 1 => 0xFF, _ => (byte)random.Next(256) };
        }
        return bytes;
    }

    private static void ReadAll(in DecodedPacket packet, byte[] frame, IReadOnlyList<FieldDescriptor> fields)
    {
        Span<byte> address = stackalloc byte[16];
        foreach (var field in fields)
        {
            switch (field.Kind)
            {
                case FieldKind.Integer or FieldKind.Timestamp:
                    FieldReader.TryGetInt64(in packet, frame, field.Id, out _);
                    break;
                case FieldKind.Boolean:
                    FieldReader.TryGetBool(in packet, field.Id, out _);
                    break;
                case FieldKind.Address:
                    if (FieldReader.TryGetAddress(in packet, field.Id, address, out var length))
                        Assert.True(length is 4 or 16);
                    break;
                case FieldKind.Mac:
                    if (FieldReader.TryGetMac(in packet, field.Id, out var mac))
                        Assert.True(mac <= 0xFFFF_FFFF_FFFF);
                    break;
                case FieldKind.Text:
                    FieldReader.TryGetText(in packet, field.Id, out _);
                    break;
                case FieldKind.Bytes:
                    FieldReader.TryGetBytes(in packet, frame, field.Id, out _);
                    break;
            }
        }
    }
}
