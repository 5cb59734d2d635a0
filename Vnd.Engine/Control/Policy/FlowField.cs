using System.Text.Json.Serialization;

namespace Vnd.Engine.Control.Policy;

/// <summary>
/// A header field a flow pattern may constrain. The <c>*Host</c>/<c>*Port</c> fields match either direction
/// (source or destination), as tenants describe "traffic between 10.0.0.6 and 10.0.0.8 on port 80" (Fig. 5).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<FlowField>))]
public enum FlowField
{
    /// <summary><c>ip.src</c>: address or CIDR block.</summary>
    IpSrc,

    /// <summary><c>ip.dst</c>: address or CIDR block.</summary>
    IpDst,

    /// <summary><c>ip.host</c>: source or destination address or CIDR block.</summary>
    IpHost,

    /// <summary><c>ip.proto</c>: tcp, udp, icmp or a number 0..255.</summary>
    IpProto,

    /// <summary><c>tcp.src</c>.</summary>
    TcpSrc,

    /// <summary><c>tcp.dst</c>.</summary>
    TcpDst,

    /// <summary><c>tcp.port</c>: source or destination port.</summary>
    TcpPort,

    /// <summary><c>udp.src</c>.</summary>
    UdpSrc,

    /// <summary><c>udp.dst</c>.</summary>
    UdpDst,

    /// <summary><c>udp.port</c>: source or destination port.</summary>
    UdpPort,

    /// <summary><c>vxlan.vni</c>: restrict to one of the tenant's networks.</summary>
    Vni,
}
