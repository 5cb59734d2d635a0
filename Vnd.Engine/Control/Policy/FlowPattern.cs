namespace Vnd.Engine.Control.Policy;

/// <summary>A conjunction of field constraints selecting the flows to capture; empty matches all IP traffic.</summary>
public sealed record FlowPattern(IReadOnlyList<FlowConstraint> Constraints)
{
    /// <summary>The pattern that matches every IPv4 packet.</summary>
    public static FlowPattern All { get; } = new([]);

    /// <summary>Builds a pattern from constraints.</summary>
    public static FlowPattern Of(params FlowConstraint[] constraints) => new(constraints);

    /// <summary>The <c>a = 1, b = 2</c> form of Fig. 4 line 3.</summary>
    public override string ToString() => Constraints.Count == 0 ? "(all)" : string.Join(", ", Constraints);
}
