using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Vnd.Engine.Control.Cloud;

/// <summary>Reads the <c>tenants</c> list: credential, quotas, networks, then nodes and links.</summary>
internal static partial class TenantSection
{
    private const long MaxVni = (1 << 24) - 1;

    public static List<Tenant> Read(CloudFileReader reader, PlacementRegistry registry, YamlMappingNode root,
        IReadOnlySet<string> hypervisors)
    {
        var tenants = new List<Tenant>();
        foreach (var item in reader.Items(root, "tenants", "the cloud file", required: true))
        {
            if (reader.Mapping(item, "a tenant") is not { } map)
                continue;
            reader.OnlyKeys(map, "a tenant", "name", "password", "scram", "quotas", "networks", "nodes", "links");
            var name = reader.Name(map, "name", "a tenant");
            if (name is null || !registry.ClaimName(map, "tenant", "tenant", name))
                continue;
            var credential = ReadCredential(reader, map);
            var quotas = ReadQuotas(reader, map);
            var networks = ReadNetworks(reader, registry, map, name);
            var (nodes, declared) = NodeSection.Read(reader, registry, map, name, networks, hypervisors);
            var links = LinkSection.Read(reader, registry, map, name, declared);
            if (credential is not null && quotas is not null)
                tenants.Add(new Tenant(name, credential, quotas, networks.Values.ToArray(), nodes.Values.ToArray(), links));
        }
        return tenants;
    }

    private static TenantCredential? ReadCredential(CloudFileReader reader, YamlMappingNode map)
    {
        var password = reader.Text(map, "password", "a tenant", required: false);
        var scram = reader.Text(map, "scram", "a tenant", required: false);
        if ((password is null) == (scram is null))
        {
            reader.Error(map, "a tenant needs exactly one of \"password\" or \"scram\"");
            return null;
        }
        if (scram is not null && !ScramPattern().IsMatch(scram))
        {
            reader.Error(map.Children[new YamlScalarNode("scram")],
                "\"scram\" must be a SCRAM-SHA-256 verifier: SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>");
            return null;
        }
        return new TenantCredential(password, scram);
    }

    private static TenantQuotas? ReadQuotas(CloudFileReader reader, YamlMappingNode tenant)
    {
        if (reader.Value(tenant, "quotas", "a tenant", required: true) is not { } node ||
            reader.Mapping(node, "quotas") is not { } map)
            return null;
        reader.OnlyKeys(map, "quotas", "maxRows", "maxBytes", "maxDiagnoses");
        var rows = reader.Integer(map, "maxRows", "quotas", 1, long.MaxValue);
        var bytes = reader.Integer(map, "maxBytes", "quotas", 1, long.MaxValue);
        var diagnoses = reader.Integer(map, "maxDiagnoses", "quotas", 1, 1000);
        return rows is null || bytes is null || diagnoses is null
            ? null
            : new TenantQuotas(rows.Value, bytes.Value, (int)diagnoses.Value);
    }

    private static Dictionary<string, VirtualNetwork> ReadNetworks(CloudFileReader reader, PlacementRegistry registry,
        YamlMappingNode tenant, string tenantName)
    {
        var networks = new Dictionary<string, VirtualNetwork>(StringComparer.Ordinal);
        foreach (var item in reader.Items(tenant, "networks", "a tenant", required: true))
        {
            if (reader.Mapping(item, "a network") is not { } map)
                continue;
            reader.OnlyKeys(map, "a network", "name", "vni", "subnets");
            var name = reader.Name(map, "name", "a network");
            var vni = reader.Integer(map, "vni", "a network", 1, MaxVni);
            var subnets = ReadSubnets(reader, map, networks.Values);
            if (name is null || !registry.ClaimName(map, tenantName + "/network", "network", name))
                continue;
            if (vni is not null)
                registry.ClaimVni(map.Children[new YamlScalarNode("vni")], (uint)vni.Value, $"network \"{name}\" of tenant \"{tenantName}\"");
            if (vni is not null && subnets.Count > 0)
                networks.Add(name, new VirtualNetwork(name, subnets.ToArray(), (uint)vni.Value));
        }
        return networks;
    }

    private static List<IpPrefix> ReadSubnets(CloudFileReader reader, YamlMappingNode network,
        IEnumerable<VirtualNetwork> earlier)
    {
        var subnets = new List<IpPrefix>();
        foreach (var item in reader.Items(network, "subnets", "a network", required: true))
        {
            if (item is not YamlScalarNode { Value: { } text })
            {
                reader.Error(item, "a subnet must be a CIDR block");
                continue;
            }
            if (!IpPrefix.TryParse(text, out var subnet, out var error))
            {
                reader.Error(item, $"subnet {error}");
                continue;
            }
            // Overlap across tenants is the point of overlays (paper Fig. 1); within one tenant it makes an
            // address ambiguous, so a flow pattern could not say which network it means.
            foreach (var other in earlier.SelectMany(n => n.Subnets).Concat(subnets))
            {
                if (other.Overlaps(subnet))
                    reader.Error(item, $"subnet {subnet} overlaps {other} of the same tenant");
            }
            subnets.Add(subnet);
        }
        if (subnets.Count == 0)
            reader.Error(network, "a network needs at least one subnet");
        return subnets;
    }

    [GeneratedRegex(@"^SCRAM-SHA-256\$[1-9][0-9]*:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$")]
    private static partial Regex ScramPattern();
}
