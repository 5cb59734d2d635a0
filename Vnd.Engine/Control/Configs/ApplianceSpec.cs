using Vnd.Capture.ParseConfigs;

namespace Vnd.Engine.Control.Configs;

/// <summary>
/// One appliance section: <c>Appliance Type Node : lb</c> (or <c>Virtual Appliance Link : l1</c>)
/// followed by its <c>Capture Point</c> and <c>Flow Pattern</c> lines. Every flow pattern of the
/// section applies to every capture point of the section — Fig. 5 writes the patterns between the
/// <c>input</c> and <c>output</c> capture points and means both. A packet is of interest when it
/// matches any pattern; an appliance without patterns has all its traffic captured.
/// </summary>
public sealed record ApplianceSpec(
    ApplianceKind Kind,
    string Name,
    ValueList<CapturePointSpec> CapturePoints,
    ValueList<FlowPattern> FlowPatterns) : ConfigNode;
