namespace Vnd.Engine.Control.Cloud;

/// <summary>
/// The table server co-located on a hypervisor (paper §3.4.1: one per hypervisor so mirrored traffic never leaves
/// the host). Each capture point gets a collector port of its own, because mirroring does not mark which capture
/// point a copy came from and the collector keeps one trace table per capture point.
/// </summary>
public sealed record TableServer(string Name, IReadOnlyList<SwitchPort> CollectorPorts);
