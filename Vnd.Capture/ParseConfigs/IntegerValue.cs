namespace Vnd.Capture.ParseConfigs;

/// <summary>An integer written in decimal or hex (<c>0x</c>), or a protocol name such as <c>tcp</c> (6).</summary>
public sealed record IntegerValue(long Value) : FilterValue
{
    public override string KindName => "integer";
}
