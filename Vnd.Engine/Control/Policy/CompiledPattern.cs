namespace Vnd.Engine.Control.Policy;

/// <summary>
/// A flow pattern checked against the tenant's networks: the rule-sized matches it expands to and the tenant
/// VNIs it is restricted to (all of the tenant's when the pattern names none).
/// </summary>
public sealed record CompiledPattern(IReadOnlyList<FlowMatch> Matches, IReadOnlyList<uint> Vnis);
