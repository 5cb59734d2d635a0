using Vnd.Engine.Control.Cloud;

namespace Vnd.Engine.Control.Policy;

/// <summary>Resolves node and link targets to capture points and taps inside one tenant's topology.</summary>
internal static class CaptureTargets
{
    /// <summary>Node input and output are separate traces: correlating them is what diagnoses the node (§3.5).</summary>
    public static void AddNode(Tenant tenant, CaptureTarget target, CompiledPattern pattern, List<WantedCapture> wanted)
    {
        var node = NodeOf(tenant, target.Name);
        if (!target.CaptureInput && !target.CaptureOutput)
            throw new PolicyException(PolicyException.InvalidParameterValue,
                $"node \"{target.Name}\": capture input, output or both");
        if (target.CaptureInput)
            wanted.Add(new WantedCapture(node.Name + ".input", target, pattern, node, Taps(tenant, node, node.Interfaces, pattern, TapDirection.ToNode)));
        if (target.CaptureOutput)
            wanted.Add(new WantedCapture(node.Name + ".output", target, pattern, node, Taps(tenant, node, node.Interfaces, pattern, TapDirection.FromNode)));
    }

    /// <summary>
    /// A link is captured at the named endpoint nodes (both when none is named), seeing both directions there. A
    /// single endpoint's trace is named after the link; with two, each is <c>link@node</c>.
    /// </summary>
    public static void AddLink(Tenant tenant, CaptureTarget target, CompiledPattern pattern, List<WantedCapture> wanted)
    {
        var link = tenant.FindLink(target.Name) ?? throw new PolicyException(PolicyException.InsufficientPrivilege,
            $"link \"{target.Name}\" does not exist in your virtual network");
        IReadOnlyList<string> at = target.Endpoints.Count == 0 ? [link.First.Node, link.Second.Node] : target.Endpoints;
        foreach (var nodeName in at)
        {
            var node = NodeOf(tenant, nodeName);
            var endpoint = link.EndpointAt(node.Name) ?? throw new PolicyException(PolicyException.InvalidParameterValue,
                $"node \"{node.Name}\" is not an endpoint of link \"{link.Name}\"");
            var nic = node.FindInterface(endpoint.Interface)
                ?? throw new InvalidOperationException($"link endpoint {endpoint} names a missing interface");
            NodeInterface[] nics = [nic];
            List<(NodeInterface, TapDirection)> taps = [.. Taps(tenant, node, nics, pattern, TapDirection.FromNode), .. Taps(tenant, node, nics, pattern, TapDirection.ToNode)];
            var name = at.Count == 1 ? link.Name : $"{link.Name}@{node.Name}";
            wanted.Add(new WantedCapture(name, target, pattern, node, taps));
        }
    }

    private static VirtualNode NodeOf(Tenant tenant, string name) =>
        tenant.FindNode(name) ?? throw new PolicyException(PolicyException.InsufficientPrivilege,
            $"node \"{name}\" does not exist in your virtual network");

    /// <summary>Taps on the interfaces whose network's VNI the pattern allows; none is an error, not an empty trace.</summary>
    private static List<(NodeInterface, TapDirection)> Taps(Tenant tenant, VirtualNode node, IReadOnlyList<NodeInterface> nics,
        CompiledPattern pattern, TapDirection direction)
    {
        var taps = new List<(NodeInterface, TapDirection)>();
        foreach (var nic in nics)
        {
            if (tenant.FindNetwork(nic.Network) is { } network && pattern.Vnis.Contains(network.Vni))
                taps.Add((nic, direction));
        }
        if (taps.Count == 0)
            throw new PolicyException(PolicyException.InvalidParameterValue,
                $"node \"{node.Name}\" has no interface on the network with VNI {string.Join(" or ", pattern.Vnis)} the flow pattern asks for");
        return taps;
    }
}
