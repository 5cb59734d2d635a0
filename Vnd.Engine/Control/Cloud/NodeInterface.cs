namespace Vnd.Engine.Control.Cloud;

/// <summary>
/// One virtual NIC of a node: the network it sits on, its virtual IP and MAC, and the virtual-switch port it is
/// plugged into on the node's hypervisor.
/// </summary>
public sealed record NodeInterface(string Name, string Network, IpPrefix Address, string Mac, SwitchPort Port);
