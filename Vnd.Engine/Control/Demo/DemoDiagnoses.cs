namespace Vnd.Engine.Control.Demo;

/// <summary>
/// The configurations of the demo's diagnoses, as a tenant would write them (paper Fig. 4/5 and Fig. 7). Both
/// tenants' diagnoses are named <see cref="Name"/> and both tenants hold a table named <see cref="OfflineTable"/>,
/// so isolation is tested against names that exist on the other side.
/// </summary>
public static class DemoDiagnoses
{
    /// <summary>The diagnosis name in both tenants.</summary>
    public const string Name = "demo";

    /// <summary>
    /// The offline table in both tenants: a capture the tenant took itself, imported with
    /// <see cref="OfflineParse"/> (as <c>vnd import --parse docs/examples/tcp-trace.cfg</c> would). The demo cloud's
    /// node and link names differ between tenants, so no two diagnoses of it can produce the same table name.
    /// </summary>
    public const string OfflineTable = "packets";

    /// <summary>§5.1.1: all traffic with the server's address at A (RE side), B (IDS side) and C (server side).</summary>
    public const string ChainCollection = """
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

    /// <summary>
    /// The fields the paper's queries use (§3.3.1: ts, id, addresses, ports, seq, ack, payload length; §3.5: the
    /// packet id ip.id + tcp.seq &lt;&lt; 16), one table per capture point: <c>a</c>, <c>b</c>, <c>c</c>.
    /// </summary>
    public const string ChainParse = """
        Trace ID all
        Filter: tcp
        Fields: timestamp as ts, ip.src as src_ip, ip.dst as dst_ip, ip.id as ip_id, tcp.src as src_port,
                tcp.dst as dst_port, tcp.seq as seq, tcp.ack as ack, tcp.len as payload_length, tcp.flags as flags,
                vnd.packet_id as id
        """;

    /// <summary>Fig. 5's node lb, input and output, narrowed to the web port (the lb rewrites addresses).</summary>
    public const string WebCollection = """
        Appliance Type Node : lb
        Capture Point input
        Capture Point output
        Flow Pattern tcp.port = 80
        """;

    /// <summary>The same fields for tenant2's lb: tables <c>lb_in</c> and <c>lb_out</c>.</summary>
    public const string WebParse = ChainParse;

    /// <summary>docs/examples/tcp-trace.cfg: one table named <see cref="OfflineTable"/>.</summary>
    public const string OfflineParse = """
        Trace ID all
        Table ID packets
        Filter: tcp
        Fields: timestamp as ts, ip.src as src_ip, ip.dst as dst_ip, tcp.src as src_port, tcp.dst as dst_port,
                ip.id as ip_id, tcp.seq as seq, tcp.ack as ack, tcp.flags as flags, tcp.len as payload_length,
                vnd.packet_id as id
        """;
}
