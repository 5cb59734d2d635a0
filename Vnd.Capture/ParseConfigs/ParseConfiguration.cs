namespace Vnd.Capture.ParseConfigs;

/// <summary>
/// A tenant's parse configuration (paper Fig. 7a): the rules that turn raw traces into trace tables.
/// Rules keep the order in which they were written.
/// </summary>
public sealed record ParseConfiguration(ValueList<ParseRule> Rules) : ConfigNode;
