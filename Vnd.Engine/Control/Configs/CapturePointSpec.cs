using Vnd.Capture.ParseConfigs;

namespace Vnd.Engine.Control.Configs;

/// <summary>
/// Where an appliance's traffic is captured: <c>input</c> or <c>output</c> of a node, or the name
/// of the node at one end of a link. Lower-cased.
/// </summary>
public sealed record CapturePointSpec(string Name) : ConfigNode
{
    public const string Input = "input";

    public const string Output = "output";
}
