using System.Collections.Frozen;

namespace Vnd.Capture.ParseConfigs;

/// <summary>
/// Names a tenant may write instead of an IP protocol number (<c>ip.proto = tcp</c>); the values
/// are IANA "Assigned Internet Protocol Numbers".
/// </summary>
public static class ProtocolNames
{
    private static readonly FrozenDictionary<string, int> Numbers = new Dictionary<string, int>
    {
        ["icmp"] = 1,
        ["igmp"] = 2,
        ["ipip"] = 4,
        ["tcp"] = 6,
        ["egp"] = 8,
        ["udp"] = 17,
        ["dccp"] = 33,
        ["ipv6"] = 41,
        ["rsvp"] = 46,
        ["gre"] = 47,
        ["esp"] = 50,
        ["ah"] = 51,
        ["icmpv6"] = 58,
        ["icmp6"] = 58,
        ["ospf"] = 89,
        ["pim"] = 103,
        ["vrrp"] = 112,
        ["l2tp"] = 115,
        ["sctp"] = 132,
        ["udplite"] = 136,
    }.ToFrozenDictionary();

    /// <summary>Looks up a protocol name, case-insensitively.</summary>
    public static bool TryGetNumber(string name, out int number) =>
        Numbers.TryGetValue(name.ToLowerInvariant(), out number);
}
