namespace Vnd.Capture.ParseConfigs;

/// <summary>A packet header field named in a configuration, e.g. <c>ip.src</c> (lower-cased).</summary>
public sealed record FieldReference(string Name) : ConfigNode
{
    public override string ToString() => Name;
}
