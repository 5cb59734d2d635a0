namespace Vnd.Engine.Control.Cloud;

/// <summary>
/// The network information base the control server reads (paper §3.1: what an SDN controller knows): hypervisors
/// with their table servers, and every tenant's virtual topology with its virtual-to-physical placement. Immutable
/// after load; <see cref="CloudModelStore"/> swaps whole models on reload.
/// </summary>
public sealed class CloudModel
{
    private readonly Dictionary<string, Hypervisor> hypervisors;
    private readonly Dictionary<string, Tenant> tenants;

    /// <summary>Creates a model from already validated parts (see <see cref="CloudModelLoader"/>).</summary>
    public CloudModel(IReadOnlyList<Hypervisor> hypervisors, IReadOnlyList<Tenant> tenants)
    {
        Hypervisors = hypervisors;
        Tenants = tenants;
        this.hypervisors = hypervisors.ToDictionary(h => h.Name, StringComparer.Ordinal);
        this.tenants = tenants.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>Hypervisors in file order.</summary>
    public IReadOnlyList<Hypervisor> Hypervisors { get; }

    /// <summary>Tenants in file order.</summary>
    public IReadOnlyList<Tenant> Tenants { get; }

    /// <summary>The hypervisor with this name, or null.</summary>
    public Hypervisor? FindHypervisor(string name) => hypervisors.GetValueOrDefault(name);

    /// <summary>The tenant with this name, or null.</summary>
    public Tenant? FindTenant(string name) => tenants.GetValueOrDefault(name);
}
