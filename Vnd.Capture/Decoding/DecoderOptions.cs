namespace Vnd.Capture.Decoding;

/// <summary>
/// How the decoder recognises tunnels and application protocols by UDP port. Immutable; build once per
/// parse configuration. Linux's kernel VXLAN default (8472) differs from IANA's 4789, hence the port set.
/// </summary>
public sealed class DecoderOptions
{
    public const ushort IanaVxlanPort = 4789;
    public const ushort IanaGenevePort = 6081;

    private readonly ushort[] _vxlanPorts;

    public DecoderOptions(IEnumerable<ushort>? vxlanPorts = null, ushort genevePort = IanaGenevePort, bool decodeDns = true)
    {
        _vxlanPorts = vxlanPorts is null ? [IanaVxlanPort] : [.. vxlanPorts.Distinct()];
        GenevePort = genevePort;
        DecodeDns = decodeDns;
    }

    /// <summary>IANA ports only: VXLAN on 4789, Geneve on 6081, DNS on 53/5353/5355.</summary>
    public static DecoderOptions Default { get; } = new();

    public IReadOnlyList<ushort> VxlanPorts => _vxlanPorts;

    public ushort GenevePort { get; }

    public bool DecodeDns { get; }

    /// <summary>A linear scan: the set has one or two ports in practice, cheaper than hashing.</summary>
    public bool IsVxlanPort(ushort port)
    {
        foreach (var p in _vxlanPorts)
        {
            if (p == port)
                return true;
        }
        return false;
    }
}
