namespace Vnd.Capture.ParseConfigs;

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record BoolValue(bool Value) : FilterValue
{
    public override string KindName => "boolean";
}
