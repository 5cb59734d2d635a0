namespace Vnd.Engine.Control.Cloud;

/// <summary>
/// A tenant's slice of the network information base: its credential, quotas and virtual topology. Names of
/// networks, nodes and links are scoped to the tenant (two tenants may both have a node called <c>server</c>).
/// </summary>
public sealed class Tenant
{
    private readonly Dictionary<string, VirtualNetwork> networks;
    private readonly Dictionary<string, VirtualNode> nodes;
    private readonly Dictionary<string, VirtualLink> links;

    /// <summary>Creates a tenant; the loader has already checked names are unique.</summary>
    public Tenant(string name, TenantCredential credential, TenantQuotas quotas, IReadOnlyList<VirtualNetwork> networks,
        IReadOnlyList<VirtualNode> nodes, IReadOnlyList<VirtualLink> links)
    {
        Name = name;
        Credential = credential;
        Quotas = quotas;
        Networks = networks;
        Nodes = nodes;
        Links = links;
        this.networks = networks.ToDictionary(n => n.Name, StringComparer.Ordinal);
        this.nodes = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        this.links = links.ToDictionary(l => l.Name, StringComparer.Ordinal);
    }

    /// <summary>The tenant's login name.</summary>
    public string Name { get; }

    /// <summary>How the tenant authenticates.</summary>
    public TenantCredential Credential { get; }

    /// <summary>The tenant's limits.</summary>
    public TenantQuotas Quotas { get; }

    /// <summary>Overlay networks in file order.</summary>
    public IReadOnlyList<VirtualNetwork> Networks { get; }

    /// <summary>VMs and appliances in file order.</summary>
    public IReadOnlyList<VirtualNode> Nodes { get; }

    /// <summary>Virtual links in file order.</summary>
    public IReadOnlyList<VirtualLink> Links { get; }

    /// <summary>The tenant's network with this name, or null.</summary>
    public VirtualNetwork? FindNetwork(string name) => networks.GetValueOrDefault(name);

    /// <summary>The tenant's node with this name, or null (another tenant's node is never found).</summary>
    public VirtualNode? FindNode(string name) => nodes.GetValueOrDefault(name);

    /// <summary>The tenant's link with this name, or null.</summary>
    public VirtualLink? FindLink(string name) => links.GetValueOrDefault(name);

    /// <summary>Whether the block lies inside one of the tenant's subnets.</summary>
    public bool OwnsAddressBlock(IpPrefix block)
    {
        foreach (var network in Networks)
        {
            if (network.Contains(block))
                return true;
        }
        return false;
    }

    /// <summary>Whether a CIDR block reaches into the tenant's address space (nests with one of its subnets).</summary>
    public bool OverlapsAddressSpace(IpPrefix block)
    {
        foreach (var network in Networks)
        {
            foreach (var subnet in network.Subnets)
            {
                if (subnet.Overlaps(block))
                    return true;
            }
        }
        return false;
    }
}
