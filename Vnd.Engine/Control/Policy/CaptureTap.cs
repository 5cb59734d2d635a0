using Vnd.Engine.Control.Cloud;

namespace Vnd.Engine.Control.Policy;

/// <summary>
/// One physical place a capture point copies from: a node interface's switch port in one direction. The VNI, MAC
/// and same-network local ports are what an OpenFlow rule needs to select frames headed to the node in table 0,
/// before forwarding has decided the output port.
/// </summary>
/// <param name="Node">The tenant node.</param>
/// <param name="Interface">The node's interface.</param>
/// <param name="Port">The interface's virtual-switch port.</param>
/// <param name="Direction">Which way is copied.</param>
/// <param name="Vni">The VNI of the interface's network (the tenant's overlay id on the tunnel).</param>
/// <param name="Mac">The interface's MAC, lower case.</param>
/// <param name="LocalPeers">Ports of other interfaces on the same network and hypervisor (local senders).</param>
public sealed record CaptureTap(
    string Node, string Interface, SwitchPort Port, TapDirection Direction, uint Vni, string Mac,
    IReadOnlyList<SwitchPort> LocalPeers);
