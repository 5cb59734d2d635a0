namespace Vnd.Engine.Control.Cloud;

/// <summary>
/// A physical host: its underlay (tunnel endpoint) address, the integration bridge tenant ports hang off, the
/// VXLAN tunnel port that carries every tenant's overlay traffic to other hosts, and its table server.
/// </summary>
public sealed record Hypervisor(
    string Name, string UnderlayAddress, string Bridge, SwitchPort TunnelPort, TableServer TableServer);
