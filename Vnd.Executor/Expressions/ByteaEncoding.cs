using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// encode/decode's formats exactly as PostgreSQL writes and reads them: hex (lower case; whitespace between pairs is
/// skipped when reading), base64 (a newline after every 76 characters, whitespace ignored when reading) and escape
/// (backslash and bytes outside printable ASCII as \ooo, \\ for a backslash).
/// </summary>
internal static class ByteaEncoding
{
    public static byte[] Encode(ReadOnlySpan<byte> data, string format) => format.ToLowerInvariant() switch
    {
        "hex" => System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(data)),
        "base64" => Base64Lines(data),
        "escape" => EscapeEncode(data),
        _ => throw UnknownFormat(format),
    };

    public static byte[] Decode(ReadOnlySpan<byte> text, string format) => format.ToLowerInvariant() switch
    {
        "hex" => HexDecode(text),
        "base64" => Base64Decode(text),
        "escape" => EscapeDecode(text),
        _ => throw UnknownFormat(format),
    };

    private static byte[] Base64Lines(ReadOnlySpan<byte> data)
    {
        var plain = Convert.ToBase64String(data);
        var result = new List<byte>(plain.Length + (plain.Length / 76));
        for (var k = 0; k < plain.Length; k++)
        {
            if (k > 0 && k % 76 == 0)
                result.Add((byte)'\n');
            result.Add((byte)plain[k]);
        }
        return [.. result];
    }

    private static byte[] EscapeEncode(ReadOnlySpan<byte> data)
    {
        var result = new List<byte>(data.Length);
        foreach (var b in data)
        {
            if (b == '\\')
            {
                result.Add((byte)'\\');
                result.Add((byte)'\\');
            }
            else if (b == 0 || b >= 0x80)
            {
                result.Add((byte)'\\');
                result.Add((byte)('0' + (b >> 6)));
                result.Add((byte)('0' + ((b >> 3) & 7)));
                result.Add((byte)('0' + (b & 7)));
            }
            else
            {
                result.Add(b);
            }
        }
        return [.. result];
    }

    private static byte[] HexDecode(ReadOnlySpan<byte> text)
    {
        var result = new List<byte>(text.Length / 2);
        var k = 0;
        while (k < text.Length)
        {
            if (text[k] is (byte)' ' or (byte)'\n' or (byte)'\t' or (byte)'\r')
            {
                k++;
                continue;
            }
            var high = HexDigit(text[k]);
            if (k + 1 >= text.Length)
                throw new ExecutionException(SqlState.InvalidParameterValue, "invalid hexadecimal data: odd number of digits");
            result.Add((byte)((high << 4) | HexDigit(text[k + 1])));
            k += 2;
        }
        return [.. result];
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => throw new ExecutionException(SqlState.InvalidParameterValue, $"invalid hexadecimal digit: \"{(char)c}\""),
    };

    private static byte[] Base64Decode(ReadOnlySpan<byte> text)
    {
        var compact = new List<char>(text.Length);
        foreach (var c in text)
        {
            if (c is not ((byte)' ' or (byte)'\n' or (byte)'\t' or (byte)'\r'))
                compact.Add((char)c);
        }
        try
        {
            return Convert.FromBase64CharArray([.. compact], 0, compact.Count);
        }
        catch (FormatException)
        {
            throw new ExecutionException(SqlState.InvalidParameterValue, "invalid base64 data");
        }
    }

    private static byte[] EscapeDecode(ReadOnlySpan<byte> text)
    {
        var result = new List<byte>(text.Length);
        var k = 0;
        while (k < text.Length)
        {
            if (text[k] != '\\')
            {
                result.Add(text[k++]);
            }
            else if (k + 1 < text.Length && text[k + 1] == '\\')
            {
                result.Add((byte)'\\');
                k += 2;
            }
            else if (k + 3 < text.Length && IsOctal(text[k + 1], '3') && IsOctal(text[k + 2], '7') && IsOctal(text[k + 3], '7'))
            {
                result.Add((byte)(((text[k + 1] - '0') << 6) | ((text[k + 2] - '0') << 3) | (text[k + 3] - '0')));
                k += 4;
            }
            else
            {
                throw new ExecutionException(SqlState.InvalidTextRepresentation, "invalid input syntax for type bytea");
            }
        }
        return [.. result];
    }

    private static bool IsOctal(byte c, char max) => c >= '0' && c <= max;

    private static ExecutionException UnknownFormat(string format) =>
        new(SqlState.InvalidParameterValue, $"unrecognized encoding: \"{format}\"");
}
