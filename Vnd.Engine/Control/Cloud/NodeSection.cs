using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Vnd.Engine.Control.Cloud;

/// <summary>Reads a tenant's <c>nodes</c>: kind, placement and interfaces with their addresses and switch ports.</summary>
internal static partial class NodeSection
{
    /// <summary>
    /// Returns the valid nodes and, for link checking, every declared node's interfaces with their network (null
    /// when unknown): a node rejected for, say, a bad hypervisor is still declared, so links to it do not pile up
    /// follow-on "unknown node" errors.
    /// </summary>
    public static (Dictionary<string, VirtualNode> Valid, Dictionary<string, Dictionary<string, string?>> Declared) Read(
        CloudFileReader reader, PlacementRegistry registry, YamlMappingNode tenant, string tenantName,
        IReadOnlyDictionary<string, VirtualNetwork> networks, IReadOnlySet<string> hypervisors)
    {
        var nodes = new Dictionary<string, VirtualNode>(StringComparer.Ordinal);
        var declared = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        var addresses = new Dictionary<(string Network, uint Address), string>();
        foreach (var item in reader.Items(tenant, "nodes", "a tenant", required: false))
        {
            if (reader.Mapping(item, "a node") is not { } map)
                continue;
            reader.OnlyKeys(map, "a node", "name", "kind", "hypervisor", "interfaces");
            var name = reader.Name(map, "name", "a node");
            var kind = ReadKind(reader, map);
            var hypervisorName = reader.Name(map, "hypervisor", "a node");
            if (hypervisorName is not null && !hypervisors.Contains(hypervisorName))
            {
                reader.Error(map.Children[new YamlScalarNode("hypervisor")], $"unknown hypervisor \"{hypervisorName}\"");
                hypervisorName = null;
            }
            if (name is null || !registry.ClaimName(map, tenantName + "/node", "node", name))
                continue;
            var nics = new Dictionary<string, string?>(StringComparer.Ordinal);
            declared.Add(name, nics);
            var context = new InterfaceContext(tenantName, name, hypervisorName, networks, addresses, nics);
            var interfaces = ReadInterfaces(reader, registry, map, context);
            if (kind is not null && hypervisorName is not null && interfaces.Count == nics.Count && interfaces.Count > 0)
                nodes.Add(name, new VirtualNode(name, kind.Value, hypervisorName, interfaces.ToArray()));
        }
        return (nodes, declared);
    }

    private static NodeKind? ReadKind(CloudFileReader reader, YamlMappingNode map)
    {
        var text = reader.Text(map, "kind", "a node");
        if (text is null)
            return null;
        if (Enum.TryParse<NodeKind>(text, ignoreCase: true, out var kind) && !char.IsDigit(text[0]))
            return kind;
        reader.Error(map.Children[new YamlScalarNode("kind")], $"unknown node kind \"{text}\" (expected one of: " +
            string.Join(", ", Enum.GetNames<NodeKind>().Select(n => n.ToLowerInvariant())) + ")");
        return null;
    }

    private static List<NodeInterface> ReadInterfaces(CloudFileReader reader, PlacementRegistry registry,
        YamlMappingNode node, InterfaceContext context)
    {
        var interfaces = new List<NodeInterface>();
        foreach (var item in reader.Items(node, "interfaces", "a node", required: true))
        {
            if (reader.Mapping(item, "an interface") is not { } map)
                continue;
            reader.OnlyKeys(map, "an interface", "name", "network", "address", "mac", "port", "ofport");
            var name = reader.Name(map, "name", "an interface");
            var network = ReadNetwork(reader, map, context);
            var address = ReadAddress(reader, map, network, context);
            var mac = ReadMac(reader, map);
            var port = reader.Port(map, "port", "ofport", "an interface");
            if (name is null || !registry.ClaimName(map, $"{context.Tenant}/{context.Node}/nic", "interface", name))
                continue;
            context.Declared[name] = network?.Name;
            var owner = $"\"{context.Tenant}/{context.Node}:{name}\"";
            if (mac is not null)
                registry.ClaimMac(map.Children[new YamlScalarNode("mac")], mac, owner);
            if (port is not null && context.Hypervisor is not null)
                registry.ClaimPort(map, context.Hypervisor, port, owner);
            if (network is not null && address is not null && mac is not null && port is not null)
                interfaces.Add(new NodeInterface(name, network.Name, address.Value, mac, port));
        }
        if (context.Declared.Count == 0 && reader.Value(node, "interfaces", "a node", required: false) is not null)
            reader.Error(node, "a node needs at least one interface");
        return interfaces;
    }

    private static VirtualNetwork? ReadNetwork(CloudFileReader reader, YamlMappingNode map, InterfaceContext context)
    {
        var name = reader.Name(map, "network", "an interface");
        if (name is null)
            return null;
        if (context.Networks.TryGetValue(name, out var network))
            return network;
        reader.Error(map.Children[new YamlScalarNode("network")], $"unknown network \"{name}\" in tenant \"{context.Tenant}\"");
        return null;
    }

    private static IpPrefix? ReadAddress(CloudFileReader reader, YamlMappingNode map, VirtualNetwork? network,
        InterfaceContext context)
    {
        var text = reader.Text(map, "address", "an interface");
        if (text is null)
            return null;
        var at = map.Children[new YamlScalarNode("address")];
        if (!IpPrefix.TryParseAddress(text, out var address))
        {
            reader.Error(at, $"address \"{text}\" is not an IPv4 address");
            return null;
        }
        var host = IpPrefix.Host(address);
        if (network is null)
            return host;
        if (!network.Contains(host))
        {
            reader.Error(at, $"address {text} is outside the subnets of network \"{network.Name}\" ({string.Join(", ", network.Subnets)})");
            return null;
        }
        if (!context.Addresses.TryAdd((network.Name, address), context.Node))
            reader.Error(at, $"address {text} is already used by node \"{context.Addresses[(network.Name, address)]}\" on network \"{network.Name}\"");
        return host;
    }

    private static string? ReadMac(CloudFileReader reader, YamlMappingNode map)
    {
        var text = reader.Text(map, "mac", "an interface");
        if (text is null)
            return null;
        var at = map.Children[new YamlScalarNode("mac")];
        if (!MacPattern().IsMatch(text))
        {
            reader.Error(at, $"MAC \"{text}\" is malformed (expected six hex pairs separated by ':')");
            return null;
        }
        // Bit 0 of the first octet marks group addresses; a NIC's own address must be unicast.
        if ((Convert.ToByte(text[..2], 16) & 1) != 0)
        {
            reader.Error(at, $"MAC \"{text}\" is a multicast address, not a NIC address");
            return null;
        }
        return text.ToLowerInvariant();
    }

    [GeneratedRegex("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$")]
    private static partial Regex MacPattern();

    private sealed record InterfaceContext(string Tenant, string Node, string? Hypervisor,
        IReadOnlyDictionary<string, VirtualNetwork> Networks, Dictionary<(string Network, uint Address), string> Addresses,
        Dictionary<string, string?> Declared);
}
