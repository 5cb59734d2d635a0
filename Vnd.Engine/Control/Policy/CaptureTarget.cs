namespace Vnd.Engine.Control.Policy;

/// <summary>
/// One entry of a trace collection configuration (paper Fig. 4): a node with its input and/or output captured,
/// or a link captured at one or both of its endpoint nodes, each with the flow pattern to keep.
/// </summary>
/// <param name="Kind">Node or link.</param>
/// <param name="Name">The node or link name in the tenant's topology.</param>
/// <param name="CaptureInput">Node only: capture traffic entering the node (all its interfaces).</param>
/// <param name="CaptureOutput">Node only: capture traffic leaving the node.</param>
/// <param name="Endpoints">Link only: endpoint node names to capture at; empty means both ends.</param>
/// <param name="Pattern">The flows of interest.</param>
public sealed record CaptureTarget(
    CaptureTargetKind Kind, string Name, bool CaptureInput, bool CaptureOutput, IReadOnlyList<string> Endpoints,
    FlowPattern Pattern)
{
    /// <summary>A node target (Fig. 4 lines 6–7).</summary>
    public static CaptureTarget Node(string name, bool input, bool output, FlowPattern pattern) =>
        new(CaptureTargetKind.Node, name, input, output, [], pattern);

    /// <summary>A link target captured at the given endpoint nodes (Fig. 4 lines 1–4).</summary>
    public static CaptureTarget Link(string name, FlowPattern pattern, params string[] endpoints) =>
        new(CaptureTargetKind.Link, name, false, false, endpoints, pattern);
}
