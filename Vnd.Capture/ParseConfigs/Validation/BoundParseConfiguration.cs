namespace Vnd.Capture.ParseConfigs.Validation;

/// <summary>A validated parse configuration: the trace tables to build, in rule order.</summary>
public sealed record BoundParseConfiguration(ValueList<BoundTraceTable> Tables);
