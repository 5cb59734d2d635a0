namespace Vnd.Wire.Types;

/// <summary>
/// array_out's element quoting: an element is double-quoted when it is empty, reads NULL (any case), or holds
/// <c>"</c> <c>\</c> <c>{</c> <c>}</c> <c>,</c> or white space; inside the quotes <c>"</c> and <c>\</c> get a backslash.
/// </summary>
public static class PgArrayText
{
    /// <summary>Bytes quoting adds to <paramref name="element"/>: 0 when it is printed as it is.</summary>
    public static int QuotingExtra(ReadOnlySpan<byte> element)
    {
        var needsQuotes = element.Length == 0 || (element.Length == 4 && System.Text.Ascii.EqualsIgnoreCase(element, "NULL"u8));
        var escapes = 0;
        foreach (var b in element)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                escapes++;
                needsQuotes = true;
            }
            else if (b is (byte)'{' or (byte)'}' or (byte)',' or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\v' or (byte)'\f')
            {
                needsQuotes = true;
            }
        }

        return needsQuotes ? escapes + 2 : 0;
    }

    /// <summary>
    /// Quotes the element in the first <paramref name="length"/> bytes of <paramref name="span"/> in place when it
    /// needs it (the span must have room for <see cref="QuotingExtra"/> more bytes); returns the final length.
    /// </summary>
    public static int Quote(Span<byte> span, int length)
    {
        var extra = QuotingExtra(span[..length]);
        if (extra == 0)
        {
            return length;
        }

        var to = length + extra - 1;
        span[to--] = (byte)'"';
        for (var from = length - 1; from >= 0; from--)
        {
            var b = span[from];
            span[to--] = b;
            if (b is (byte)'"' or (byte)'\\')
            {
                span[to--] = (byte)'\\';
            }
        }

        span[0] = (byte)'"';
        return length + extra;
    }
}
