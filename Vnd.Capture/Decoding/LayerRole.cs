namespace Vnd.Capture.Decoding;

/// <summary>Which part of a packet a <see cref="HeaderLayer"/> describes.</summary>
public enum LayerRole : byte
{
    /// <summary>The packet as it travelled on the captured link.</summary>
    Outer = 0,
    /// <summary>The innermost frame of a VXLAN, Geneve, GRE, ERSPAN or IP-in-IP tunnel (field prefix <c>inner.</c>).</summary>
    Inner = 1,
    /// <summary>The IP header and first L4 bytes an ICMP/ICMPv6 error quotes, decoded as tshark does (prefix <c>quoted.</c>).</summary>
    Quoted = 2,
}
