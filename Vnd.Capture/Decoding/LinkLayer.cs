namespace Vnd.Capture.Decoding;

/// <summary>
/// The LINKTYPE_ values the packet decoder understands (the numbers in a pcap header or a pcapng IDB).
/// Kept separate from the capture readers' own enum so decoding does not depend on how a frame was read.
/// </summary>
public enum LinkLayer : ushort
{
    /// <summary>BSD loopback: a 4-byte address family in the byte order of the capturing host.</summary>
    Null = 0,
    Ethernet = 1,
    /// <summary>PPP in HDLC-like framing or bare protocol field (RFC 1661).</summary>
    Ppp = 9,
    /// <summary>Raw IP, version taken from the first nibble.</summary>
    Raw = 101,
    /// <summary>OpenBSD loopback: like <see cref="Null"/> but the family is in network byte order.</summary>
    Loop = 108,
    /// <summary>Linux "cooked" capture v1 (16-byte header).</summary>
    LinuxSll = 113,
    Ipv4 = 228,
    Ipv6 = 229,
    /// <summary>Linux "cooked" capture v2 (20-byte header).</summary>
    LinuxSll2 = 276,
}
