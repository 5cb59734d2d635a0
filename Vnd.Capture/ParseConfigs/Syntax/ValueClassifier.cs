using System.Globalization;

namespace Vnd.Capture.ParseConfigs.Syntax;

/// <summary>
/// Decides what an unquoted value token is. The grammar reads a value as one run of
/// <c>[A-Za-z0-9_.:/-]</c> and this class tells integers, ranges, addresses, prefixes, MAC
/// addresses, booleans and protocol names apart; doing it on the whole token (rather than with
/// backtracking alternatives) gives one precise message when a value is malformed.
/// </summary>
internal static class ValueClassifier
{
    public static bool IsValueChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '/' or '-';

    /// <summary>Returns the value, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static FilterValue? Classify(string token, out string error)
    {
        error = "";
        if (ClauseKeywords.Contains(token))
        {
            // "ip.proto = \nFields: ..." - the value is missing and the next clause was read in its place.
            error = $"expected a value, found the keyword '{token}'";
            return null;
        }

        if (token.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return new BoolValue(true);
        }

        if (token.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return new BoolValue(false);
        }

        if (char.IsAsciiLetter(token[0]) && IsPlainWord(token))
        {
            if (ProtocolNames.TryGetNumber(token, out var protocol))
            {
                return new IntegerValue(protocol);
            }

            error = $"unknown value '{token}': expected a number, range, address, MAC address, quoted string, true/false or a protocol name such as tcp";
            return null;
        }

        if (token.Contains('/'))
        {
            return AddressText.ParsePrefix(token, out error);
        }

        if (MacAddressText.TryParse(token, out var mac))
        {
            return new MacValue(mac);
        }

        if (token.Contains(':') || token.Contains('.'))
        {
            var address = AddressText.ParseAddress(token, out error);
            return address is null ? null : new AddressValue(address, AddressText.FullLength(address));
        }

        var dash = token.IndexOf('-', 1);
        if (dash > 0)
        {
            return ClassifyRange(token, dash, out error);
        }

        if (TryParseInteger(token, out var value))
        {
            return new IntegerValue(value);
        }

        error = $"'{token}' is not a valid number";
        return null;
    }

    private static bool IsPlainWord(string token)
    {
        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static FilterValue? ClassifyRange(string token, int dash, out string error)
    {
        error = "";
        var lowText = token[..dash];
        var highText = token[(dash + 1)..];
        if (!TryParseInteger(lowText, out var low) || !TryParseInteger(highText, out var high))
        {
            error = $"'{token}' is not a valid range: expected two integers such as 8000-8080";
            return null;
        }

        if (low > high)
        {
            error = $"range '{token}' is empty: its low bound is greater than its high bound";
            return null;
        }

        return new RangeValue(low, high);
    }

    private static bool TryParseInteger(string text, out long value)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
                && value >= 0;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
