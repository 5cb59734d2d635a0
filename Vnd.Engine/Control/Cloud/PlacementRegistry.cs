using YamlDotNet.RepresentationModel;

namespace Vnd.Engine.Control.Cloud;

/// <summary>
/// Cloud-wide uniqueness while a file is read: switch ports per hypervisor (a name or OpenFlow number used twice
/// would make a mirror rule hit the wrong VM), VNIs across tenants (a shared VNI would merge two tenants'
/// overlays), MACs (OVS capture rules match on them) and names that must be unique in some scope.
/// </summary>
internal sealed class PlacementRegistry(CloudFileReader reader)
{
    private readonly Dictionary<(string Hypervisor, string Port), string> portNames = [];
    private readonly Dictionary<(string Hypervisor, int OfPort), string> ofPorts = [];
    private readonly Dictionary<uint, string> vnis = [];
    private readonly Dictionary<string, string> macs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> scopedNames = new(StringComparer.Ordinal);

    /// <summary>Claims a port on a hypervisor's switch for an owner such as <c>tenant1/re:eth0</c>.</summary>
    public void ClaimPort(YamlNode at, string hypervisor, SwitchPort port, string owner)
    {
        if (!portNames.TryAdd((hypervisor, port.Name), owner))
            reader.Error(at, $"port \"{port.Name}\" on hypervisor \"{hypervisor}\" is already used by {portNames[(hypervisor, port.Name)]}");
        if (!ofPorts.TryAdd((hypervisor, port.OfPort), owner))
            reader.Error(at, $"OpenFlow port {port.OfPort} on hypervisor \"{hypervisor}\" is already used by {ofPorts[(hypervisor, port.OfPort)]}");
    }

    /// <summary>Claims a VXLAN network identifier for one tenant network.</summary>
    public void ClaimVni(YamlNode at, uint vni, string owner)
    {
        if (!vnis.TryAdd(vni, owner))
            reader.Error(at, $"VNI {vni} is already used by {vnis[vni]}; a VNI may belong to one network only");
    }

    /// <summary>Claims a MAC address (normalised lower case) for one interface.</summary>
    public void ClaimMac(YamlNode at, string mac, string owner)
    {
        if (!macs.TryAdd(mac, owner))
            reader.Error(at, $"MAC {mac} is already used by {macs[mac]}");
    }

    /// <summary>Claims a name within a scope such as <c>hypervisor</c> or <c>tenant1/node</c>; false on a clash.</summary>
    public bool ClaimName(YamlNode at, string scope, string kind, string name)
    {
        if (scopedNames.TryAdd(scope + "\n" + name, name))
            return true;
        reader.Error(at, $"duplicate {kind} name \"{name}\"");
        return false;
    }
}
