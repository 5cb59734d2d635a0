using Vnd.Capture.ParseConfigs;

namespace Vnd.Engine.Control.Configs;

/// <summary>
/// One <c>field = value</c> condition of a flow pattern. Values use the parse-configuration literal
/// syntax: <c>10.0.0.6</c>, <c>10.0.0.0/24</c>, <c>80</c>, <c>tcp</c>, MAC addresses.
/// </summary>
public sealed record FlowMatch(FieldReference Field, FilterValue Value) : ConfigNode;
