using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Vnd.Capture.ParseConfigs.Syntax;

/// <summary>Reads IPv4/IPv6 addresses and CIDR prefixes written in filter values.</summary>
internal static class AddressText
{
    public static AddressValue? ParsePrefix(string token, out string error)
    {
        var slash = token.IndexOf('/');
        var address = ParseAddress(token[..slash], out error);
        if (address is null)
        {
            return null;
        }

        var full = FullLength(address);
        var lengthText = token[(slash + 1)..];
        if (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > full)
        {
            error = $"'{token}' has an invalid prefix length: expected 0 to {full}";
            return null;
        }

        var network = new IPNetwork(Mask(address, length), length);
        if (!network.BaseAddress.Equals(address))
        {
            error = $"'{token}' has bits set to the right of the /{length} mask (did you mean {network}?)";
            return null;
        }

        return new AddressValue(address, length);
    }

    public static IPAddress? ParseAddress(string text, out string error)
    {
        error = "";
        // IPAddress.TryParse also accepts "10" or "10.1" as IPv4; an address here must be dotted-quad.
        var isV4 = !text.Contains(':') && CountDots(text) == 3;
        if ((isV4 || text.Contains(':')) && IPAddress.TryParse(text, out var address) && !text.Contains('%')
            && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
        {
            return address;
        }

        error = $"'{text}' is not a valid IPv4 or IPv6 address";
        return null;
    }

    private static int CountDots(string text)
    {
        var dots = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return -1;
            }
        }

        return dots;
    }

    public static int FullLength(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;

    private static IPAddress Mask(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(length - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
