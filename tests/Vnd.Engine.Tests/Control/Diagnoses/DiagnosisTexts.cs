namespace Vnd.Engine.Tests.Control.Diagnoses;

/// <summary>Configuration texts of the paper's two demo diagnoses, as a tenant would write them.</summary>
internal static class DiagnosisTexts
{
    /// <summary>§5.1.1: tenant1's chain, all traffic with the server at A (RE side), B (IDS side) and C (server side).</summary>
    public const string Chain = """
        Virtual Appliance Link : A
        Capture Point re
        Flow Pattern ip.host = 10.0.3.10
        Virtual Appliance Link : B
        Capture Point ids
        Flow Pattern ip.host = 10.0.3.10
        Virtual Appliance Link : C
        Capture Point server
        Flow Pattern ip.host = 10.0.3.10
        """;

    /// <summary>One link at one end: a diagnosis that holds a single collector port on hv1.</summary>
    public const string LinkA = """
        Virtual Appliance Link : A
        Capture Point re
        """;

    /// <summary>Fig. 7(b)-style parse configuration: one derived table per trace.</summary>
    public const string TcpParse = """
        Trace ID all
        Filter: ip.proto = tcp
        Fields: timestamp as ts, ip.src as src_ip, ip.dst as dst_ip, tcp.src as src_port, tcp.dst as dst_port
        """;

    /// <summary>Two named tables per trace.</summary>
    public const string TwoTablesParse = """
        Trace ID all
        Table ID tcp
        Filter: ip.proto = tcp
        Fields: timestamp as ts, ip.src as src_ip
        Table ID udp
        Filter: ip.proto = udp
        Fields: timestamp as ts, ip.src as src_ip
        """;

    /// <summary>A small real capture from the shared data: 179 frames, 106 of them TCP (tshark truth).</summary>
    public static string TcpCapture => Vnd.Tests.Shared.SharedData.Pcap("tcp/tcpreplay_test.pcap");

    /// <summary>The TCP frames of <see cref="TcpCapture"/>, counted from its tshark truth so the count is not ours.</summary>
    public static long TcpFramesOfTcpCapture()
    {
        var lines = File.ReadAllLines(Vnd.Tests.Shared.SharedData.Truth("tcpreplay_test.pcap"));
        var proto = Array.IndexOf(lines[0].Split(','), "ip.proto");
        return lines.Skip(1).Count(line => line.Split(',')[proto] == "\"6\"");
    }

    /// <summary>Another real capture: 10 TCP frames.</summary>
    public static string OtherTcpCapture => Vnd.Tests.Shared.SharedData.Pcap("tcp/gopacket_test_ethernet.pcap");
}
