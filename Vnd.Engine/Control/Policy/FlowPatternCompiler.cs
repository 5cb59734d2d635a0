using System.Globalization;
using Vnd.Engine.Control.Cloud;

namespace Vnd.Engine.Control.Policy;

/// <summary>
/// Turns a tenant's flow pattern into rule-sized <see cref="FlowMatch"/>es, refusing addresses and VNIs outside
/// the tenant's own networks with the same message whether or not they belong to someone else.
/// </summary>
public static class FlowPatternCompiler
{
    /// <summary>
    /// Either-direction terms double the rule count; 16 rules per tap is far beyond any sensible pattern and keeps
    /// a hostile request from filling the switch's tables.
    /// </summary>
    public const int MaxMatches = 16;

    /// <summary>Checks and expands a pattern for a tenant.</summary>
    public static CompiledPattern Compile(Tenant tenant, FlowPattern pattern)
    {
        List<FlowMatch> matches = [FlowMatch.Any];
        var vnis = new List<uint>();
        foreach (var term in pattern.Constraints)
        {
            matches = term.Field switch
            {
                FlowField.IpSrc => Narrow(matches, m => m.WithSource(Address(tenant, term))),
                FlowField.IpDst => Narrow(matches, m => m.WithDestination(Address(tenant, term))),
                FlowField.IpHost => Branch(matches, Address(tenant, term), (m, a) => m.WithSource(a), (m, a) => m.WithDestination(a)),
                FlowField.IpProto => Narrow(matches, m => m.WithProtocol(Protocol(term))),
                FlowField.TcpSrc => Narrow(matches, m => m.WithSourcePort(FlowMatch.Tcp, Port(term))),
                FlowField.TcpDst => Narrow(matches, m => m.WithDestinationPort(FlowMatch.Tcp, Port(term))),
                FlowField.TcpPort => Branch(matches, Port(term), (m, p) => m.WithSourcePort(FlowMatch.Tcp, p), (m, p) => m.WithDestinationPort(FlowMatch.Tcp, p)),
                FlowField.UdpSrc => Narrow(matches, m => m.WithSourcePort(FlowMatch.Udp, Port(term))),
                FlowField.UdpDst => Narrow(matches, m => m.WithDestinationPort(FlowMatch.Udp, Port(term))),
                FlowField.UdpPort => Branch(matches, Port(term), (m, p) => m.WithSourcePort(FlowMatch.Udp, p), (m, p) => m.WithDestinationPort(FlowMatch.Udp, p)),
                FlowField.Vni => AddVni(matches, vnis, tenant, term),
                _ => throw new PolicyException(PolicyException.InvalidParameterValue, $"unsupported flow field {term.Field}"),
            };
            if (matches.Count > MaxMatches)
                throw new PolicyException(PolicyException.StatementTooComplex,
                    $"the flow pattern \"{pattern}\" needs more than {MaxMatches} mirror rules per capture point; use fewer either-direction terms");
        }
        if (matches.Count == 0)
            throw new PolicyException(PolicyException.InvalidParameterValue,
                $"the flow pattern \"{pattern}\" contradicts itself and would match no packet");
        if (vnis.Count == 0)
        {
            foreach (var network in tenant.Networks)
                vnis.Add(network.Vni);
        }
        return new CompiledPattern(matches.ToArray(), vnis.ToArray());
    }

    private static List<FlowMatch> Narrow(List<FlowMatch> matches, Func<FlowMatch, FlowMatch?> narrow)
    {
        var result = new List<FlowMatch>(matches.Count);
        foreach (var match in matches)
        {
            if (narrow(match) is { } narrowed && !result.Contains(narrowed))
                result.Add(narrowed);
        }
        return result;
    }

    private static List<FlowMatch> Branch<T>(List<FlowMatch> matches, T value, Func<FlowMatch, T, FlowMatch?> asSource,
        Func<FlowMatch, T, FlowMatch?> asDestination)
    {
        var result = new List<FlowMatch>(matches.Count * 2);
        foreach (var match in matches)
        {
            if (asSource(match, value) is { } source && !result.Contains(source))
                result.Add(source);
            if (asDestination(match, value) is { } destination && !result.Contains(destination))
                result.Add(destination);
        }
        return result;
    }

    private static List<FlowMatch> AddVni(List<FlowMatch> matches, List<uint> vnis, Tenant tenant, FlowConstraint term)
    {
        if (!uint.TryParse(term.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var vni))
            throw new PolicyException(PolicyException.InvalidTextRepresentation, $"\"{term.Value}\" is not a VNI (expected a number)");
        if (!tenant.Networks.Any(n => n.Vni == vni))
            throw new PolicyException(PolicyException.InsufficientPrivilege, $"VNI {vni} is not in your virtual network");
        // Two different VNIs in one conjunction can never both hold for a packet.
        if (vnis.Count > 0 && !vnis.Contains(vni))
            return [];
        if (!vnis.Contains(vni))
            vnis.Add(vni);
        return matches;
    }

    private static IpPrefix Address(Tenant tenant, FlowConstraint term)
    {
        if (!IpPrefix.TryParse(term.Value, out var block, out var error))
            throw new PolicyException(PolicyException.InvalidTextRepresentation, $"{FlowFieldNames.Of(term.Field)}: {error}");
        var inside = block.IsHost ? tenant.OwnsAddressBlock(block) : tenant.OverlapsAddressSpace(block);
        if (!inside)
            throw new PolicyException(PolicyException.InsufficientPrivilege, $"address {term.Value} is not in your virtual network");
        return block;
    }

    private static ushort Port(FlowConstraint term) =>
        ushort.TryParse(term.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : throw new PolicyException(PolicyException.InvalidTextRepresentation,
                $"{FlowFieldNames.Of(term.Field)}: \"{term.Value}\" is not a port number (0-65535)");

    private static byte Protocol(FlowConstraint term) => term.Value.ToLowerInvariant() switch
    {
        "tcp" => FlowMatch.Tcp,
        "udp" => FlowMatch.Udp,
        "icmp" => 1,
        var text when byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
        _ => throw new PolicyException(PolicyException.InvalidTextRepresentation,
            $"ip.proto: \"{term.Value}\" is not a protocol (tcp, udp, icmp or 0-255)"),
    };
}
