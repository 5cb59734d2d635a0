namespace Vnd.Capture.Sources;

/// <summary>
/// LINKTYPE_ values (tcpdump.org link-layer header types) that our captures use. Any other 16-bit value is
/// still carried as a number: the reader never rejects a link type, the decoder decides what it understands.
/// </summary>
public enum LinkType : ushort
{
    /// <summary>BSD loopback: a 4-byte address family in the byte order of the capturing host.</summary>
    Null = 0,
    Ethernet = 1,
    /// <summary>PPP in HDLC-like framing or bare protocol field (RFC 1661).</summary>
    Ppp = 9,
    /// <summary>Raw IP, version taken from the first nibble.</summary>
    Raw = 101,
    Ieee80211 = 105,
    /// <summary>OpenBSD loopback: like <see cref="Null"/> but the family is in network byte order.</summary>
    Loop = 108,
    /// <summary>Linux "cooked" capture v1 (16-byte header).</summary>
    LinuxSll = 113,
    PppWithDirection = 204,
    Ipv4 = 228,
    Ipv6 = 229,
    EthernetMPacket = 274,
    /// <summary>Linux "cooked" capture v2 (20-byte header).</summary>
    LinuxSll2 = 276,
}
