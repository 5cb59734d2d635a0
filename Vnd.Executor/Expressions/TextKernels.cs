using System.Text;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Expressions;

/// <summary>UTF-8 text primitives: character counting and slicing by character, ASCII case folding.</summary>
public static class TextKernels
{
    /// <summary>Characters in UTF-8 bytes (counts lead bytes, skips continuation bytes).</summary>
    public static int CharCount(ReadOnlySpan<byte> utf8)
    {
        var continuation = 0;
        foreach (var b in utf8)
            continuation += (b & 0xC0) == 0x80 ? 1 : 0;
        return utf8.Length - continuation;
    }

    /// <summary>Byte offset of character <paramref name="chars"/> (clamped to the end).</summary>
    public static int ByteOffset(ReadOnlySpan<byte> utf8, int chars)
    {
        var i = 0;
        while (i < utf8.Length && chars > 0)
        {
            i++;
            while (i < utf8.Length && (utf8[i] & 0xC0) == 0x80)
                i++;
            chars--;
        }
        return i;
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/> with ASCII letters folded.</summary>
    public static ReadOnlySpan<byte> FoldAscii(ReadOnlySpan<byte> source, Span<byte> destination, bool toUpper)
    {
        var d = destination[..source.Length];
        for (var i = 0; i < source.Length; i++)
        {
            var b = source[i];
            d[i] = toUpper
                ? (b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b)
                : (b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b);
        }
        return d;
    }

    /// <summary>lower()/upper(): ASCII folded in place in the result heap; other text through .NET's invariant casing.</summary>
    public static void ChangeCase(Vector input, Vector result, ReadOnlySpan<int> rows, bool toUpper)
    {
        foreach (var i in rows)
        {
            if (input.IsNull(i))
            {
                result.SetNull(i);
                continue;
            }
            var bytes = input.GetBytes(i);
            if (System.Text.Ascii.IsValid(bytes))
            {
                FoldAscii(bytes, result.ReserveBytes(i, bytes.Length), toUpper);
                continue;
            }
            var text = Encoding.UTF8.GetString(bytes);
            result.SetBytes(i, Encoding.UTF8.GetBytes(toUpper ? text.ToUpperInvariant() : text.ToLowerInvariant()));
        }
    }
}
