namespace Vnd.Capture.Decoding;

/// <summary>
/// Which headers (and TCP options) of one <see cref="HeaderLayer"/> were decoded. A field is present exactly
/// when its part bit is set; values of absent parts are stale leftovers of an earlier packet and must not be read.
/// </summary>
[Flags]
public enum LayerParts : uint
{
    None = 0,
    Ethernet = 1 << 0,
    Vlan = 1 << 1,
    Ipv4 = 1 << 2,
    Ipv6 = 1 << 3,
    Tcp = 1 << 4,
    Udp = 1 << 5,
    Icmp = 1 << 6,
    Icmpv6 = 1 << 7,
    Arp = 1 << 8,
    Dns = 1 << 9,
    TcpMss = 1 << 10,
    TcpWindowScale = 1 << 11,
    TcpSackPermitted = 1 << 12,
    TcpSack = 1 << 13,
    TcpTimestamps = 1 << 14,
    /// <summary>The IPv6 chain had a fragment header (its identification is in <see cref="HeaderLayer.Ipv6FragmentId"/>).</summary>
    Ipv6Fragment = 1 << 15,
    /// <summary>An L4 payload range was recorded (<see cref="HeaderLayer.PayloadOffset"/>).</summary>
    Payload = 1 << 16,
    /// <summary>The DNS first question decoded (name text and type).</summary>
    DnsQuestion = 1 << 17,
    Mpls = 1 << 18,
    /// <summary>ARP with Ethernet/IPv4 sizes: sender and target addresses decoded.</summary>
    ArpAddresses = 1 << 19,
    /// <summary>Only the first 8 TCP bytes (ports, sequence number) were there: what an ICMP error quotes.</summary>
    TcpPrefix = 1 << 20,
}
