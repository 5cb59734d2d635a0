namespace Vnd.Capture.ParseConfigs;

/// <summary>A MAC address; the six octets are packed big-endian in the low 48 bits.</summary>
public sealed record MacValue(ulong Value) : FilterValue
{
    public override string KindName => "MAC address";
}
