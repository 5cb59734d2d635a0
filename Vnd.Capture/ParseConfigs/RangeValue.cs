namespace Vnd.Capture.ParseConfigs;

/// <summary>An inclusive integer range such as the port range <c>8000-8080</c>; Low ≤ High.</summary>
public sealed record RangeValue(long Low, long High) : FilterValue
{
    public override string KindName => "range";
}
