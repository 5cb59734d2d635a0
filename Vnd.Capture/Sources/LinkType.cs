namespace Vnd.Capture.Sources;

/// <summary>
/// LINKTYPE_ values (tcpdump.org link-layer header types) that our captures use. Any other 16-bit value is
/// still carried as a number: the reader never rejects a link type, the decoder decides what it understands.
/// </summary>
public enum LinkType : ushort
{
    Null = 0,
    Ethernet = 1,
    Ppp = 9,
    Raw = 101,
    Ieee80211 = 105,
    Loop = 108,
    LinuxSll = 113,
    PppWithDirection = 204,
    Ipv4 = 228,
    Ipv6 = 229,
    EthernetMPacket = 274,
    LinuxSll2 = 276,
}
