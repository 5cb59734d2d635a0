namespace Vnd.Capture.Tests.Decoding;

/// <summary>
/// Where tshark's CSV is not the truth, the value that is, with the reason (MANIFEST "Notes").
/// <see cref="Expected"/> null means: only the outer value has a truth source, compare that one.
/// </summary>
public sealed record TruthException(string File, int Frame, string Column, string? Expected, string Reason)
{
    private const string BigTcp =
        "BIG TCP: tshark 4.0 stops at the 0 length; tcpdump_expected (presumed BIG TCP, length from the frame) is truth";

    public static readonly IReadOnlyList<TruthException> All =
    [
        .. BigTcpIpv4Vxlan(),
        .. BigTcpIpv6(),
    ];

    /// <summary>tcpdump_expected/tcpdump_bigtcp-ipv4-vxlan-ipv4.pcap.out: VXLAN vni 5001 around IPv4/TCP, both lengths 0.</summary>
    private static IEnumerable<TruthException> BigTcpIpv4Vxlan()
    {
        const string file = "tcpdump_bigtcp-ipv4-vxlan-ipv4.pcap";
        (string Column, string? Expected)[] values =
        [
            ("eth.src", null), ("eth.dst", null),
            ("ip.src", "10.25.132.11;192.168.1.2"), ("ip.dst", "10.25.132.13;192.168.1.1"), ("ip.proto", "17;6"),
            ("ip.id", "0x6f29;0x7b2c"), ("ip.len", "80102;80052"), ("ip.ttl", "61;64"), ("ip.flags.mf", "0;0"),
            ("ip.frag_offset", "0;0"), ("vxlan.vni", "5001"), ("tcp.srcport", "36875"), ("tcp.dstport", "36449"),
            ("tcp.seq_raw", "497210414"), ("tcp.ack_raw", "1007986268"), ("tcp.flags", "0x0018"), ("tcp.len", "80000"),
            ("tcp.window_size_value", "370"),
        ];
        return values.Select(v => new TruthException(file, 1, v.Column, v.Expected, BigTcp));
    }

    /// <summary>tcpdump_expected/tcpdump_bigtcp-ipv6.pcap.out: payload length 0 without jumbo, real length 80040.</summary>
    private static IEnumerable<TruthException> BigTcpIpv6()
    {
        const string file = "tcpdump_bigtcp-ipv6.pcap";
        (string Column, string Expected)[] values =
        [
            ("tcp.srcport", "43267"), ("tcp.dstport", "41219"), ("tcp.seq_raw", "2265425561"), ("tcp.ack_raw", "3850636772"),
            ("tcp.flags", "0x0018"), ("tcp.len", "79968"), ("tcp.window_size_value", "426"),
        ];
        return values.Select(v => new TruthException(file, 1, v.Column, v.Expected, BigTcp));
    }
}
