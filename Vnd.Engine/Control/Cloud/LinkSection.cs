using YamlDotNet.RepresentationModel;

namespace Vnd.Engine.Control.Cloud;

/// <summary>Reads a tenant's <c>links</c>: two <c>node[:interface]</c> endpoints on the same network.</summary>
internal static class LinkSection
{
    public static VirtualLink[] Read(CloudFileReader reader, PlacementRegistry registry, YamlMappingNode tenant,
        string tenantName, IReadOnlyDictionary<string, VirtualNode> nodes)
    {
        var links = new List<VirtualLink>();
        foreach (var item in reader.Items(tenant, "links", "a tenant", required: false))
        {
            if (reader.Mapping(item, "a link") is not { } map)
                continue;
            reader.OnlyKeys(map, "a link", "name", "endpoints");
            var name = reader.Name(map, "name", "a link");
            var endpoints = reader.Items(map, "endpoints", "a link", required: true);
            if (endpoints.Count != 2)
            {
                reader.Error(map, "a link needs exactly two endpoints");
                continue;
            }
            var first = ReadEndpoint(reader, endpoints[0], nodes);
            var second = ReadEndpoint(reader, endpoints[1], nodes);
            if (name is null || !registry.ClaimName(map, tenantName + "/link", "link", name) ||
                first is null || second is null)
                continue;
            if (first.Endpoint.Node == second.Endpoint.Node)
                reader.Error(endpoints[1], "a link must join two different nodes");
            else if (first.Network != second.Network)
                reader.Error(endpoints[1], $"link endpoints are on different networks (\"{first.Network}\" and \"{second.Network}\")");
            else
                links.Add(new VirtualLink(name, first.Endpoint, second.Endpoint));
        }
        return links.ToArray();
    }

    private static ResolvedEndpoint? ReadEndpoint(CloudFileReader reader, YamlNode item,
        IReadOnlyDictionary<string, VirtualNode> nodes)
    {
        if (item is not YamlScalarNode { Value: { Length: > 0 } text })
        {
            reader.Error(item, "a link endpoint must be \"node\" or \"node:interface\"");
            return null;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var nodeName = colon < 0 ? text : text[..colon];
        if (!nodes.TryGetValue(nodeName, out var node))
        {
            reader.Error(item, $"unknown node \"{nodeName}\" in link endpoint");
            return null;
        }
        NodeInterface? nic;
        if (colon >= 0)
        {
            nic = node.FindInterface(text[(colon + 1)..]);
            if (nic is null)
                reader.Error(item, $"node \"{nodeName}\" has no interface \"{text[(colon + 1)..]}\"");
        }
        else if (node.Interfaces.Count == 1)
            nic = node.Interfaces[0];
        else
        {
            nic = null;
            reader.Error(item, $"node \"{nodeName}\" has {node.Interfaces.Count} interfaces; name one as \"{nodeName}:<interface>\"");
        }
        return nic is null ? null : new ResolvedEndpoint(new LinkEndpoint(node.Name, nic.Name), nic.Network);
    }

    private sealed record ResolvedEndpoint(LinkEndpoint Endpoint, string Network);
}
