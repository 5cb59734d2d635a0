using Vnd.Capture.ParseConfigs;

namespace Vnd.Engine.Control.Configs;

/// <summary>
/// A tenant's trace-collection configuration (paper Fig. 4): the virtual appliances to diagnose,
/// where to capture their traffic and which flows. The policy manager turns it into a collection
/// policy (Fig. 6) using the tenant's logical-to-physical mapping.
/// </summary>
public sealed record TraceCollectionConfiguration(ValueList<ApplianceSpec> Appliances) : ConfigNode;
