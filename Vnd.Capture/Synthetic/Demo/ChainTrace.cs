namespace Vnd.Capture.Synthetic.Demo;

/// <summary>
/// What the chain scenario produced: the frames each capture point saw (both directions, in time order) and what
/// the simulation knows that the traces only imply — when client2 joined and how many packets the IDS dropped —
/// so tests can check the paper's queries against it.
/// </summary>
public sealed class ChainTrace(ChainScenarioOptions options, IReadOnlyList<CapturedFrame>[] frames, long droppedAtIds)
{
    public ChainScenarioOptions Options { get; } = options;

    /// <summary>Packets the IDS dropped: seen at B, never at C.</summary>
    public long DroppedAtIds { get; } = droppedAtIds;

    /// <summary>The absolute time client2 joined.</summary>
    public long Client2JoinNanos => Options.StartNanos + Options.Client2JoinNanos;

    public IReadOnlyList<CapturedFrame> Frames(ChainCapturePoint point) => frames[(int)point];
}
