namespace Vnd.Engine.Control.Cloud;

/// <summary>A tenant VM or virtual appliance and where it runs.</summary>
public sealed record VirtualNode(string Name, NodeKind Kind, string Hypervisor, IReadOnlyList<NodeInterface> Interfaces)
{
    /// <summary>The interface with this name, or null.</summary>
    public NodeInterface? FindInterface(string name)
    {
        foreach (var nic in Interfaces)
        {
            if (nic.Name == name)
                return nic;
        }
        return null;
    }
}
