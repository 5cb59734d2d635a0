using Vnd.Engine.Control.Cloud;

namespace Vnd.Engine.Control.Policy;

/// <summary>
/// One trace (one trace table): where in the physical network it is copied from, which flows, and the co-located
/// table server collector port the copies go to (paper Fig. 6(a) lines 2–5).
/// </summary>
/// <param name="Name">Trace name: <c>link</c> or <c>link@node</c>, <c>node.input</c>, <c>node.output</c>.</param>
/// <param name="TargetKind">Whether the tenant named a node or a link.</param>
/// <param name="Target">The node or link the tenant named.</param>
/// <param name="Hypervisor">Where the taps and the table server are (§3.4.1: the same host).</param>
/// <param name="Bridge">The virtual switch (OVS bridge) the taps' ports are on.</param>
/// <param name="TunnelPort">The bridge's VXLAN port, through which remote senders' frames arrive.</param>
/// <param name="TableServer">The table server on <paramref name="Hypervisor"/>.</param>
/// <param name="CollectorPort">The table server port this trace alone is mirrored to.</param>
/// <param name="Slot">Index of the collector port on its table server; fixes rule priorities and cookies.</param>
/// <param name="Pattern">The flow pattern as the tenant wrote it.</param>
/// <param name="Matches">The pattern expanded into rule-sized matches.</param>
/// <param name="Taps">The ports and directions copied.</param>
public sealed record CapturePoint(
    string Name, CaptureTargetKind TargetKind, string Target, string Hypervisor, string Bridge, SwitchPort TunnelPort,
    string TableServer, SwitchPort CollectorPort, int Slot, FlowPattern Pattern, IReadOnlyList<FlowMatch> Matches,
    IReadOnlyList<CaptureTap> Taps);
