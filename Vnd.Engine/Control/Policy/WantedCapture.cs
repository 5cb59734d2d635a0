using Vnd.Engine.Control.Cloud;

namespace Vnd.Engine.Control.Policy;

/// <summary>A capture point resolved in the tenant's topology but not yet placed on a table server.</summary>
internal sealed record WantedCapture(
    string Name, CaptureTarget Target, CompiledPattern Pattern, VirtualNode Node,
    IReadOnlyList<(NodeInterface Nic, TapDirection Direction)> Taps);
