using YamlDotNet.RepresentationModel;

namespace Vnd.Engine.Control.Cloud;

/// <summary>Reads a tenant's <c>links</c>: two <c>node[:interface]</c> endpoints on the same network.</summary>
internal static class LinkSection
{
    public static VirtualLink[] Read(CloudFileReader reader, PlacementRegistry registry, YamlMappingNode tenant,
        string tenantName, IReadOnlyDictionary<string, Dictionary<string, string?>> nodes)
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
            // A null network means the endpoint's interface was already reported; stay quiet about the link.
            if (name is null || !registry.ClaimName(map, tenantName + "/link", "link", name) ||
                first?.Network is null || second?.Network is null)
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
        IReadOnlyDictionary<string, Dictionary<string, string?>> nodes)
    {
        if (item is not YamlScalarNode { Value: { Length: > 0 } text })
        {
            reader.Error(item, "a link endpoint must be \"node\" or \"node:interface\"");
            return null;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var nodeName = colon < 0 ? text : text[..colon];
        if (!nodes.TryGetValue(nodeName, out var nics))
        {
            reader.Error(item, $"unknown node \"{nodeName}\" in link endpoint");
            return null;
        }
        if (colon >= 0)
        {
            var nicName = text[(colon + 1)..];
            if (nics.TryGetValue(nicName, out var network))
                return new ResolvedEndpoint(new LinkEndpoint(nodeName, nicName), network);
            reader.Error(item, $"node \"{nodeName}\" has no interface \"{nicName}\"");
            return null;
        }
        if (nics.Count == 1)
        {
            var only = nics.First();
            return new ResolvedEndpoint(new LinkEndpoint(nodeName, only.Key), only.Value);
        }
        reader.Error(item, $"node \"{nodeName}\" has {nics.Count} interfaces; name one as \"{nodeName}:<interface>\"");
        return null;
    }

    private sealed record ResolvedEndpoint(LinkEndpoint Endpoint, string? Network);
}
