namespace Vnd.Engine.Control.Cloud;

/// <summary>
/// A port on a hypervisor's virtual switch: the Linux device name (tap/veth, what <c>tc</c> attaches to) and its
/// OpenFlow port number on the bridge (what <c>in_port</c>/<c>output</c> name).
/// </summary>
public sealed record SwitchPort(string Name, int OfPort);
