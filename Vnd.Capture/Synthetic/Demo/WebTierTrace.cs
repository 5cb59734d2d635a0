namespace Vnd.Capture.Synthetic.Demo;

/// <summary>The frames the load balancer's port saw entering it (input) and leaving it (output), in time order.</summary>
public sealed record WebTierTrace(IReadOnlyList<CapturedFrame> Input, IReadOnlyList<CapturedFrame> Output, int Connections);
