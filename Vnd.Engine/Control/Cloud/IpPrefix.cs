using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Serialization;

namespace Vnd.Engine.Control.Cloud;

/// <summary>
/// An IPv4 address block (<c>10.0.0.0/24</c>; a bare address is a /32). Tenant overlays in the demo cloud and the
/// paper are IPv4, and both mirror renderers (tc u32 offsets, OpenFlow <c>nw_src</c>) are IPv4-specific, so IPv6 is
/// refused at parse time rather than silently mis-rendered.
/// </summary>
[JsonConverter(typeof(IpPrefixJsonConverter))]
public readonly record struct IpPrefix
{
    private IpPrefix(uint network, int length)
    {
        Network = network;
        Length = length;
    }

    /// <summary>The network address in host byte order, host bits cleared.</summary>
    public uint Network { get; }

    /// <summary>Prefix length 0..32.</summary>
    public int Length { get; }

    /// <summary>Whether the prefix names one address.</summary>
    public bool IsHost => Length == 32;

    private uint Mask => Length == 0 ? 0u : uint.MaxValue << (32 - Length);

    /// <summary>A single-address prefix.</summary>
    public static IpPrefix Host(uint address) => new(address, 32);

    /// <summary>Parses <c>a.b.c.d</c> or <c>a.b.c.d/n</c>; host bits must be zero in the CIDR form.</summary>
    public static bool TryParse(string text, out IpPrefix prefix, out string? error)
    {
        prefix = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        var length = 32;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture,
                out length) || length > 32))
        {
            error = $"\"{text}\" has an invalid prefix length (expected 0..32)";
            return false;
        }
        if (!TryParseAddress(addressText, out var address))
        {
            error = $"\"{text}\" is not an IPv4 address or CIDR block";
            return false;
        }
        var candidate = new IpPrefix(address, length);
        if ((address & ~candidate.Mask) != 0)
        {
            error = $"\"{text}\" has host bits set (did you mean {new IpPrefix(address & candidate.Mask, length)}?)";
            return false;
        }
        prefix = candidate;
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>; for trusted constants such as golden data.</summary>
    public static IpPrefix Parse(string text) =>
        TryParse(text, out var prefix, out var error) ? prefix : throw new FormatException(error);

    /// <summary>Parses a dotted-quad IPv4 address (no prefix) into host byte order.</summary>
    public static bool TryParseAddress(string text, out uint address)
    {
        address = 0;
        // IPAddress.TryParse accepts shorthand such as "10.1" and decimal integers; insist on four parts.
        if (text.Split('.').Length != 4 || !IPAddress.TryParse(text, out var ip) ||
            ip.AddressFamily != AddressFamily.InterNetwork)
            return false;
        Span<byte> bytes = stackalloc byte[4];
        ip.TryWriteBytes(bytes, out _);
        address = (uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3];
        return true;
    }

    /// <summary>Whether <paramref name="other"/> lies entirely inside this block.</summary>
    public bool Contains(IpPrefix other) => other.Length >= Length && (other.Network & Mask) == Network;

    /// <summary>Whether the address lies inside this block.</summary>
    public bool Contains(uint address) => (address & Mask) == Network;

    /// <summary>Two CIDR blocks either nest or are disjoint; they overlap when one contains the other.</summary>
    public bool Overlaps(IpPrefix other) => Contains(other) || other.Contains(this);

    /// <summary>The narrower of two nested blocks, or null when they are disjoint.</summary>
    public IpPrefix? Intersect(IpPrefix other) =>
        Contains(other) ? other : other.Contains(this) ? this : null;

    /// <summary>The dotted-quad network address.</summary>
    public string AddressText => FormatAddress(Network);

    /// <summary>Formats a host-order IPv4 address.</summary>
    public static string FormatAddress(uint address) => string.Create(CultureInfo.InvariantCulture,
        $"{address >> 24}.{(address >> 16) & 0xff}.{(address >> 8) & 0xff}.{address & 0xff}");

    /// <summary>Always in CIDR form (<c>10.0.0.6/32</c>) so renderers never have to guess.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{AddressText}/{Length}");
}
