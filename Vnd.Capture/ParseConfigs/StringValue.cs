namespace Vnd.Capture.ParseConfigs;

/// <summary>A quoted string, with escapes already resolved.</summary>
public sealed record StringValue(string Value) : FilterValue
{
    public override string KindName => "string";
}
