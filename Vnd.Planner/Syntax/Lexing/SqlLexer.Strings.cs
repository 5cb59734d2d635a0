using System.Globalization;
using System.Text;

namespace Vnd.Planner.Syntax.Lexing;

/// <summary>String literal forms: '…', E'…', U&amp;'…', $tag$…$tag$, B'…'/X'…'.</summary>
public ref partial struct SqlLexer
{
    private Token LexString(int start, int quote, bool escapes)
    {
        var text = new StringBuilder();
        while (true)
        {
            var segment = ReadQuoted(quote, '\'', escapes, out var end);
            if (end < 0)
            {
                throw Error("unterminated quoted string at or near \"" + _sql[start..] + "\"", start);
            }

            text.Append(segment);

            // 'a'<newline>'b' is one literal 'ab' (SQL standard continuation; needs a newline in between).
            var next = SkipContinuationWhitespace(end);
            if (next < 0)
            {
                _pos = end;
                return new Token(TokenKind.String, text.ToString(), start, end - start);
            }

            quote = next;
        }
    }

    private readonly int SkipContinuationWhitespace(int from)
    {
        var sawNewline = false;
        var i = from;
        while (i < _sql.Length && char.IsWhiteSpace(_sql[i]))
        {
            sawNewline |= _sql[i] is '\n' or '\r';
            i++;
        }

        return sawNewline && i < _sql.Length && _sql[i] == '\'' ? i : -1;
    }

    /// <summary>Reads a quoted body starting at the opening quote; <paramref name="end"/> is -1 when unterminated.</summary>
    private string ReadQuoted(int quote, char quoteChar, bool escapes, out int end)
    {
        var text = new StringBuilder();
        var i = quote + 1;
        while (i < _sql.Length)
        {
            var c = _sql[i];
            if (c == quoteChar)
            {
                if (i + 1 < _sql.Length && _sql[i + 1] == quoteChar)
                {
                    text.Append(quoteChar);
                    i += 2;
                    continue;
                }

                end = i + 1;
                _pos = end;
                return text.ToString();
            }

            if (escapes && c == '\\' && i + 1 < _sql.Length)
            {
                i = ReadBackslashEscape(i + 1, text);
                continue;
            }

            text.Append(c);
            i++;
        }

        end = -1;
        return string.Empty;
    }

    /// <summary>E'' escapes: \b \f \n \r \t, octal \ooo, hex \xhh, \uXXXX, \UXXXXXXXX, anything else literally.</summary>
    private readonly int ReadBackslashEscape(int i, StringBuilder text)
    {
        var c = _sql[i];
        switch (c)
        {
            case 'b': text.Append('\b'); return i + 1;
            case 'f': text.Append('\f'); return i + 1;
            case 'n': text.Append('\n'); return i + 1;
            case 'r': text.Append('\r'); return i + 1;
            case 't': text.Append('\t'); return i + 1;
            case 'x' when i + 1 < _sql.Length && char.IsAsciiHexDigit(_sql[i + 1]):
                return AppendCode(i + 1, 2, 16, text);
            case 'u':
                return AppendCode(i + 1, 4, 16, text);
            case 'U':
                return AppendCode(i + 1, 8, 16, text);
            case >= '0' and <= '7':
                return AppendCode(i, 3, 8, text);
            default:
                text.Append(c);
                return i + 1;
        }
    }

    private readonly int AppendCode(int i, int maxDigits, int radix, StringBuilder text)
    {
        var value = 0;
        var digits = 0;
        while (digits < maxDigits && i < _sql.Length && IsDigit(_sql[i], radix))
        {
            value = (value * radix) + int.Parse(_sql.AsSpan(i, 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            i++;
            digits++;
        }

        if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        {
            throw Error("invalid Unicode escape value", i - digits - 2);
        }

        text.Append(char.ConvertFromUtf32(value));
        return i;
    }

    private static bool IsDigit(char c, int radix) => radix == 8 ? c is >= '0' and <= '7' : char.IsAsciiHexDigit(c);

    private Token LexDollarString(int start)
    {
        var tagEnd = start + 1;
        if (tagEnd < _sql.Length && IsIdentifierStart(_sql[tagEnd]))
        {
            while (tagEnd < _sql.Length && (IsIdentifierStart(_sql[tagEnd]) || char.IsAsciiDigit(_sql[tagEnd])))
            {
                tagEnd++;
            }
        }

        if (tagEnd >= _sql.Length || _sql[tagEnd] != '$')
        {
            throw Error("syntax error at or near \"$\"", start);
        }

        var tag = _sql.AsSpan(start, tagEnd - start + 1);
        var bodyStart = tagEnd + 1;
        var close = _sql.AsSpan(bodyStart).IndexOf(tag, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Error("unterminated dollar-quoted string at or near \"" + _sql[start..] + "\"", start);
        }

        _pos = bodyStart + close + tag.Length;
        return new Token(TokenKind.String, _sql.Substring(bodyStart, close), start, _pos - start);
    }

    private Token LexBitString(int start)
    {
        var hex = _sql[start] is 'x' or 'X';
        var body = ReadQuoted(start + 1, '\'', escapes: false, out var end);
        if (end < 0)
        {
            throw Error("unterminated " + (hex ? "hexadecimal" : "bit") + " string literal at or near \"" + _sql[start..] + "\"", start);
        }

        foreach (var c in body)
        {
            if (hex ? !char.IsAsciiHexDigit(c) : c is not ('0' or '1'))
            {
                throw Error("\"" + c + "\" is not a valid " + (hex ? "hexadecimal" : "binary") + " digit", start);
            }
        }

        return new Token(TokenKind.BitString, (hex ? "x" : "b") + body.ToLowerInvariant(), start, end - start);
    }

    /// <summary>U&amp;'d\0061t\+000061' and U&amp;"d\0061t" with the default escape character backslash.</summary>
    private Token LexUnicode(int start)
    {
        var quoteChar = _sql[start + 2];
        var raw = ReadQuoted(start + 2, quoteChar, escapes: false, out var end);
        if (end < 0)
        {
            var what = quoteChar == '"' ? "quoted identifier" : "quoted string";
            throw Error("unterminated " + what + " at or near \"" + _sql[start..] + "\"", start);
        }

        var text = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\')
            {
                text.Append(raw[i]);
                continue;
            }

            var digits = i + 1 < raw.Length && raw[i + 1] == '+' ? 6 : 4;
            var from = digits == 6 ? i + 2 : i + 1;
            if (i + 1 < raw.Length && raw[i + 1] == '\\')
            {
                text.Append('\\');
                i++;
            }
            else if (from + digits <= raw.Length && int.TryParse(raw.AsSpan(from, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF))
            {
                text.Append(char.ConvertFromUtf32(code));
                i = from + digits - 1;
            }
            else
            {
                throw Error("invalid Unicode escape", start);
            }
        }

        var kind = quoteChar == '"' ? TokenKind.QuotedIdentifier : TokenKind.String;
        if (kind == TokenKind.QuotedIdentifier && text.Length == 0)
        {
            throw Error("zero-length delimited identifier at or near \"\"\"\"", start);
        }

        return new Token(kind, kind == TokenKind.QuotedIdentifier ? Truncate(text.ToString()) : text.ToString(), start, end - start);
    }
}
