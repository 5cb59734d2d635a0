namespace Vnd.Engine.Control.Cloud;

/// <summary>A tenant's overlay network: its subnets and the VXLAN network identifier that isolates it.</summary>
public sealed record VirtualNetwork(string Name, IReadOnlyList<IpPrefix> Subnets, uint Vni)
{
    /// <summary>Whether the block lies inside one of this network's subnets.</summary>
    public bool Contains(IpPrefix block)
    {
        foreach (var subnet in Subnets)
        {
            if (subnet.Contains(block))
                return true;
        }
        return false;
    }
}
