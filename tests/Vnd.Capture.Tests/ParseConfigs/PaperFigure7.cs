namespace Vnd.Capture.Tests.ParseConfigs;

/// <summary>The paper's Figure 7(b), line for line as printed (Filter:/Fields: with colons).</summary>
internal static class PaperFigure7
{
    public const string Example = """
        Trace ID all
        Filter: ip.proto = tcp
        or ip.proto = udp
        Fields: timestamp as ts ,
        ip.src as src_ip ,
        ip.dst as dst_ip ,
        ip.proto as proto ,
        tcp.src as src_port ,
        tcp.dst as dst_port ,
        udp.src as src_port ,
        udp.dst as dst_port
        """;
}
