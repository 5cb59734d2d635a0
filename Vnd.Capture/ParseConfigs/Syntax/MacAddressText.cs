using System.Globalization;

namespace Vnd.Capture.ParseConfigs.Syntax;

/// <summary>Reads <c>00:1b:21:3a:4f:5c</c> (or with '-' separators): six two-digit hex octets.</summary>
internal static class MacAddressText
{
    public static bool TryParse(string text, out ulong value)
    {
        value = 0;
        if (text.Length != 17)
        {
            return false;
        }

        var separator = text[2];
        if (separator is not (':' or '-'))
        {
            return false;
        }

        for (var octet = 0; octet < 6; octet++)
        {
            var start = octet * 3;
            if (octet > 0 && text[start - 1] != separator)
            {
                return false;
            }

            if (!byte.TryParse(text.AsSpan(start, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                return false;
            }

            value = (value << 8) | b;
        }

        return true;
    }
}
