using Vnd.Engine.Control.Cloud;

namespace Vnd.Engine.Control.Policy;

/// <summary>
/// The control server's policy manager (paper §3.2.1): combines a tenant's diagnosis request with the network
/// information base into a <see cref="CollectionPolicy"/>. Everything is resolved inside the requesting tenant's
/// own topology, so another tenant's node, link, address or VNI is indistinguishable from one that does not exist.
/// </summary>
public static class PolicyManager
{
    /// <summary>Computes a policy when no other diagnosis is live.</summary>
    public static CollectionPolicy Compute(CloudModel cloud, DiagnosisRequest request) => Compute(cloud, request, []);

    /// <summary>
    /// Computes a policy next to the <paramref name="live"/> ones (all tenants'): it takes only collector ports
    /// they do not hold, and the tenant's own live diagnoses count against its quota. Throws
    /// <see cref="PolicyException"/> on a refused request.
    /// </summary>
    public static CollectionPolicy Compute(CloudModel cloud, DiagnosisRequest request, IReadOnlyCollection<CollectionPolicy> live)
    {
        var tenant = cloud.FindTenant(request.Tenant) ?? throw new PolicyException(
            PolicyException.InsufficientPrivilege, $"tenant \"{request.Tenant}\" has no virtual network");
        var inUse = new HashSet<CollectorLease>();
        var running = 0;
        foreach (var policy in live)
        {
            inUse.UnionWith(policy.Leases());
            if (policy.Tenant == tenant.Name)
                running++;
        }
        if (running >= tenant.Quotas.MaxDiagnoses)
            throw new PolicyException(PolicyException.ConfigurationLimitExceeded,
                $"{running} diagnoses are already running, the most your quota allows; stop one first");
        if (request.Targets.Count == 0)
            throw new PolicyException(PolicyException.InvalidParameterValue, "a diagnosis request needs at least one node or link to capture");
        var wanted = new List<WantedCapture>();
        foreach (var target in request.Targets)
        {
            var pattern = FlowPatternCompiler.Compile(tenant, target.Pattern);
            if (target.Kind == CaptureTargetKind.Node)
                CaptureTargets.AddNode(tenant, target, pattern, wanted);
            else
                CaptureTargets.AddLink(tenant, target, pattern, wanted);
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var capture in wanted)
        {
            if (!names.Add(capture.Name))
                throw new PolicyException(PolicyException.DuplicateObject, $"capture point \"{capture.Name}\" is requested twice");
        }
        return new CollectionPolicy(tenant.Name, Place(cloud, tenant, wanted, inUse));
    }

    private static CapturePoint[] Place(CloudModel cloud, Tenant tenant, List<WantedCapture> wanted,
        HashSet<CollectorLease> taken)
    {
        var points = new CapturePoint[wanted.Count];
        for (var i = 0; i < points.Length; i++)
        {
            var capture = wanted[i];
            var host = cloud.FindHypervisor(capture.Node.Hypervisor)
                ?? throw new InvalidOperationException($"node placed on unknown hypervisor \"{capture.Node.Hypervisor}\"");
            var slot = FreeSlot(host, taken) ?? throw new PolicyException(PolicyException.InsufficientResources,
                $"no trace collector is free for capture point \"{capture.Name}\"; try again when another diagnosis has ended");
            var collector = host.TableServer.CollectorPorts[slot];
            taken.Add(new CollectorLease(host.Name, collector.Name));
            var taps = new CaptureTap[capture.Taps.Count];
            for (var t = 0; t < taps.Length; t++)
                taps[t] = Tap(tenant, capture.Node, capture.Taps[t]);
            points[i] = new CapturePoint(capture.Name, capture.Target.Kind, capture.Target.Name, host.Name, host.Bridge,
                host.TunnelPort, host.TableServer.Name, collector, slot, capture.Target.Pattern, capture.Pattern.Matches, taps);
        }
        return points;
    }

    private static int? FreeSlot(Hypervisor host, HashSet<CollectorLease> taken)
    {
        var ports = host.TableServer.CollectorPorts;
        for (var slot = 0; slot < ports.Count; slot++)
        {
            if (!taken.Contains(new CollectorLease(host.Name, ports[slot].Name)))
                return slot;
        }
        return null;
    }

    private static CaptureTap Tap(Tenant tenant, VirtualNode node, (NodeInterface Nic, TapDirection Direction) tap)
    {
        var network = tenant.FindNetwork(tap.Nic.Network)
            ?? throw new InvalidOperationException($"interface on unknown network \"{tap.Nic.Network}\"");
        var peers = new List<SwitchPort>();
        foreach (var other in tenant.Nodes)
        {
            if (other.Hypervisor != node.Hypervisor)
                continue;
            foreach (var nic in other.Interfaces)
            {
                if (nic.Network == network.Name && !ReferenceEquals(nic, tap.Nic))
                    peers.Add(nic.Port);
            }
        }
        return new CaptureTap(node.Name, tap.Nic.Name, tap.Nic.Port, tap.Direction, network.Vni, tap.Nic.Mac, peers.ToArray());
    }
}
