using YamlDotNet.RepresentationModel;

namespace Vnd.Engine.Control.Cloud;

/// <summary>Reads the <c>hypervisors</c> list: underlay address, bridge, tunnel port and table server.</summary>
internal static class HypervisorSection
{
    /// <summary>Valid hypervisors, and all declared names (so nodes on an invalid one are not reported again).</summary>
    public static (List<Hypervisor> Valid, HashSet<string> Declared) Read(CloudFileReader reader, PlacementRegistry registry,
        YamlMappingNode root)
    {
        var hypervisors = new List<Hypervisor>();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in reader.Items(root, "hypervisors", "the cloud file", required: true))
        {
            if (reader.Mapping(item, "a hypervisor") is not { } map)
                continue;
            reader.OnlyKeys(map, "a hypervisor", "name", "underlay", "bridge", "tunnelPort", "tableServer");
            var name = reader.Name(map, "name", "a hypervisor");
            var underlay = reader.Text(map, "underlay", "a hypervisor");
            var bridge = reader.Name(map, "bridge", "a hypervisor");
            var tunnel = ReadPort(reader, map, "tunnelPort");
            var tableServer = ReadTableServer(reader, registry, map);
            if (underlay is not null && !IpPrefix.TryParseAddress(underlay, out _))
                reader.Error(map.Children[new YamlScalarNode("underlay")], $"underlay \"{underlay}\" is not an IPv4 address");
            if (name is null || !registry.ClaimName(map, "hypervisor", "hypervisor", name))
                continue;
            declared.Add(name);
            if (underlay is not null)
                registry.ClaimName(map.Children[new YamlScalarNode("underlay")], "underlay", "underlay address", underlay);
            if (tunnel is not null)
                registry.ClaimPort(map, name, tunnel, $"the tunnel of \"{name}\"");
            if (tableServer is not null)
            {
                foreach (var port in tableServer.CollectorPorts)
                    registry.ClaimPort(map, name, port, $"table server \"{tableServer.Name}\"");
            }
            if (underlay is not null && bridge is not null && tunnel is not null && tableServer is not null)
                hypervisors.Add(new Hypervisor(name, underlay, bridge, tunnel, tableServer));
        }
        return (hypervisors, declared);
    }

    private static SwitchPort? ReadPort(CloudFileReader reader, YamlMappingNode owner, string key)
    {
        if (reader.Value(owner, key, "a hypervisor", required: true) is not { } node ||
            reader.Mapping(node, $"\"{key}\"") is not { } map)
            return null;
        reader.OnlyKeys(map, $"\"{key}\"", "name", "ofport");
        return reader.Port(map, "name", "ofport", $"\"{key}\"");
    }

    private static TableServer? ReadTableServer(CloudFileReader reader, PlacementRegistry registry, YamlMappingNode owner)
    {
        if (reader.Value(owner, "tableServer", "a hypervisor", required: true) is not { } node ||
            reader.Mapping(node, "a table server") is not { } map)
            return null;
        reader.OnlyKeys(map, "a table server", "name", "collectorPorts");
        var name = reader.Name(map, "name", "a table server");
        var ports = new List<SwitchPort>();
        foreach (var item in reader.Items(map, "collectorPorts", "a table server", required: true))
        {
            if (reader.Mapping(item, "a collector port") is not { } portMap)
                continue;
            reader.OnlyKeys(portMap, "a collector port", "name", "ofport");
            if (reader.Port(portMap, "name", "ofport", "a collector port") is { } port)
                ports.Add(port);
        }
        if (ports.Count == 0)
            reader.Error(map, "a table server needs at least one collector port");
        if (name is null || !registry.ClaimName(map, "tableServer", "table server", name))
            return null;
        return ports.Count == 0 ? null : new TableServer(name, ports.ToArray());
    }
}
