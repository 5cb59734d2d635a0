using System.Net;

namespace Vnd.Capture.ParseConfigs;

/// <summary>
/// An IPv4 or IPv6 address, or a CIDR prefix (<c>10.0.0.0/24</c>). A plain address has the full
/// prefix length (32 or 128). Host bits beyond the prefix are always zero (the parser rejects
/// <c>10.0.0.6/24</c>), so equal prefixes compare equal.
/// </summary>
public sealed record AddressValue(IPAddress Address, int PrefixLength) : FilterValue
{
    public override string KindName => IsPrefix ? "address prefix" : "address";

    public bool IsPrefix => PrefixLength != (Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32);

    public bool IsV6 => Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
}
