namespace Vnd.Planner.Types;

/// <summary>
/// Which addresses an inet column can hold. A column filled only from IPv4 header fields is
/// stored as 4-byte values; a column that may see IPv6 is stored as 16 bytes (IPv4 mapped).
/// </summary>
public enum InetFamily : byte
{
    Any = 0,
    V4 = 4,
    V6 = 6,
}
