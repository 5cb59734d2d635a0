using Vnd.Capture.ParseConfigs;

namespace Vnd.Engine.Control.Configs;

/// <summary>
/// <c>Flow Pattern field = value, ...</c>: a flow of interest, matched when every condition holds
/// (the granularity of an OpenFlow match: a TCP flow, or all traffic of one address or prefix).
/// </summary>
public sealed record FlowPattern(ValueList<FlowMatch> Matches) : ConfigNode;
