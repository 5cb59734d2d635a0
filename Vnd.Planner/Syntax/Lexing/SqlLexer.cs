using System.Text;
using Vnd.Planner.Errors;

namespace Vnd.Planner.Syntax.Lexing;

/// <summary>
/// Splits SQL text into tokens following PostgreSQL's scan.l: identifiers fold to lower case and are truncated
/// to 63 bytes, comments (including nested /* */) vanish, string forms are unescaped, and operators obey the
/// "may not end in + or -" rule so that <c>a&lt;-1</c> is <c>a &lt; -1</c>. Hand-written rather than a Pidgin
/// char parser: it is one linear pass with no backtracking, so 10 MB identifiers or huge IN lists stay cheap.
/// </summary>
public ref partial struct SqlLexer
{
    /// <summary>NAMEDATALEN - 1: PostgreSQL's longest identifier in bytes.</summary>
    public const int MaxIdentifierBytes = 63;

    private readonly string _sql;
    private int _pos;

    private SqlLexer(string sql)
    {
        _sql = sql;
        _pos = 0;
    }

    public static List<Token> Tokenize(string sql)
    {
        var lexer = new SqlLexer(sql);
        var tokens = new List<Token>();
        while (lexer.Next(out var token))
        {
            tokens.Add(token);
        }

        return tokens;
    }

    private bool Next(out Token token)
    {
        SkipWhitespaceAndComments();
        token = default;
        if (_pos >= _sql.Length)
        {
            return false;
        }

        var start = _pos;
        var c = _sql[_pos];
        var next = _pos + 1 < _sql.Length ? _sql[_pos + 1] : '\0';
        token = c switch
        {
            '\'' => LexString(start, start, escapes: false),
            '"' => LexQuotedIdentifier(start, start),
            '$' when char.IsAsciiDigit(next) => LexParameter(start),
            '$' => LexDollarString(start),
            'e' or 'E' when next == '\'' => LexString(start, start + 1, escapes: true),
            'n' or 'N' when next == '\'' => LexString(start, start + 1, escapes: false),
            'b' or 'B' or 'x' or 'X' when next == '\'' => LexBitString(start),
            'u' or 'U' when next == '&' && _pos + 2 < _sql.Length && _sql[_pos + 2] is '\'' or '"' => LexUnicode(start),
            _ when char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(next)) => LexNumber(start),
            _ when IsIdentifierStart(c) => LexIdentifier(start),
            '(' => Single(TokenKind.LeftParen),
            ')' => Single(TokenKind.RightParen),
            '[' => Single(TokenKind.LeftBracket),
            ']' => Single(TokenKind.RightBracket),
            ',' => Single(TokenKind.Comma),
            ';' => Single(TokenKind.Semicolon),
            '.' => Single(TokenKind.Dot),
            ':' when next == ':' => Double(TokenKind.DoubleColon),
            ':' when next == '=' => Double(TokenKind.ColonEquals),
            ':' => Single(TokenKind.Colon),
            _ when IsOperatorChar(c) => LexOperator(start),
            _ => throw Error("syntax error at or near \"" + c + "\"", start),
        };
        return true;
    }

    private Token Single(TokenKind kind)
    {
        _pos++;
        return new Token(kind, _sql.Substring(_pos - 1, 1), _pos - 1, 1);
    }

    private Token Double(TokenKind kind)
    {
        _pos += 2;
        return new Token(kind, _sql.Substring(_pos - 2, 2), _pos - 2, 2);
    }

    private void SkipWhitespaceAndComments()
    {
        while (_pos < _sql.Length)
        {
            var c = _sql[_pos];
            if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '-' && Peek(1) == '-')
            {
                while (_pos < _sql.Length && _sql[_pos] != '\n' && _sql[_pos] != '\r')
                {
                    _pos++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>PostgreSQL block comments nest, unlike C's.</summary>
    private void SkipBlockComment()
    {
        var start = _pos;
        var depth = 0;
        while (_pos < _sql.Length)
        {
            if (_sql[_pos] == '/' && Peek(1) == '*')
            {
                depth++;
                _pos += 2;
            }
            else if (_sql[_pos] == '*' && Peek(1) == '/')
            {
                depth--;
                _pos += 2;
                if (depth == 0)
                {
                    return;
                }
            }
            else
            {
                _pos++;
            }
        }

        throw Error("unterminated /* comment at or near \"" + _sql[start..] + "\"", start);
    }

    private readonly char Peek(int ahead) => _pos + ahead < _sql.Length ? _sql[_pos + ahead] : '\0';

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c) || c == '$';

    private static bool IsOperatorChar(char c) => "~!@#^&|`?+-*/%<>=".Contains(c, StringComparison.Ordinal);

    private Token LexIdentifier(int start)
    {
        while (_pos < _sql.Length && IsIdentifierPart(_sql[_pos]))
        {
            _pos++;
        }

        var length = _pos - start;
        var folded = FoldAscii(_sql.AsSpan(start, Math.Min(length, MaxIdentifierBytes)));
        return new Token(TokenKind.Identifier, Truncate(folded), start, length);
    }

    /// <summary>Like PostgreSQL's downcase_identifier with a UTF-8 database: only ASCII letters fold.</summary>
    private static string FoldAscii(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            buffer[i] = char.IsAsciiLetterUpper(word[i]) ? (char)(word[i] | 0x20) : word[i];
        }

        return new string(buffer);
    }

    /// <summary>Cuts an identifier to 63 UTF-8 bytes without splitting a character, as truncate_identifier does.</summary>
    internal static string Truncate(string identifier)
    {
        if (identifier.Length <= MaxIdentifierBytes / 4 || Encoding.UTF8.GetByteCount(identifier) <= MaxIdentifierBytes)
        {
            return identifier;
        }

        var bytes = 0;
        var i = 0;
        while (i < identifier.Length)
        {
            var width = char.IsHighSurrogate(identifier[i]) && i + 1 < identifier.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(identifier.AsSpan(i, width));
            if (bytes + size > MaxIdentifierBytes)
            {
                break;
            }

            bytes += size;
            i += width;
        }

        return identifier[..i];
    }

    private Token LexQuotedIdentifier(int start, int quote)
    {
        var text = ReadQuoted(quote, '"', escapes: false, out var end);
        if (end < 0)
        {
            throw Error("unterminated quoted identifier at or near \"" + _sql[start..] + "\"", start);
        }

        if (text.Length == 0)
        {
            throw Error("zero-length delimited identifier at or near \"\"\"\"", start);
        }

        return new Token(TokenKind.QuotedIdentifier, Truncate(text), start, end - start);
    }

    private Token LexParameter(int start)
    {
        _pos++;
        while (_pos < _sql.Length && char.IsAsciiDigit(_sql[_pos]))
        {
            _pos++;
        }

        return new Token(TokenKind.Parameter, _sql[(start + 1).._pos], start, _pos - start);
    }

    private Token LexNumber(int start)
    {
        var kind = TokenKind.Integer;
        SkipDigits();
        if (_pos < _sql.Length && _sql[_pos] == '.' && Peek(1) != '.')
        {
            kind = TokenKind.Numeric;
            _pos++;
            SkipDigits();
        }

        if (_pos < _sql.Length && _sql[_pos] is 'e' or 'E')
        {
            var digitAt = Peek(1) is '+' or '-' ? 2 : 1;
            if (char.IsAsciiDigit(Peek(digitAt)))
            {
                kind = TokenKind.Numeric;
                _pos += digitAt;
                SkipDigits();
            }
        }

        // PostgreSQL 15+ rejects "123abc" rather than reading it as 123 AS abc.
        if (_pos < _sql.Length && IsIdentifierStart(_sql[_pos]))
        {
            throw Error("trailing junk after numeric literal at or near \"" + _sql[start..(_pos + 1)] + "\"", start);
        }

        return new Token(kind, _sql[start.._pos], start, _pos - start);
    }

    private void SkipDigits()
    {
        while (_pos < _sql.Length && char.IsAsciiDigit(_sql[_pos]))
        {
            _pos++;
        }
    }

    private Token LexOperator(int start)
    {
        var end = start;
        while (end < _sql.Length && IsOperatorChar(_sql[end]))
        {
            // A comment start ends the operator: "a*/*c*/b" is a * b.
            if (end > start && ((_sql[end] == '-' && end + 1 < _sql.Length && _sql[end + 1] == '-')
                || (_sql[end] == '/' && end + 1 < _sql.Length && _sql[end + 1] == '*')))
            {
                break;
            }

            end++;
        }

        // "A multi-character operator name cannot end in + or -, unless the name also contains
        // at least one of ~ ! @ # % ^ & | ` ?" (PostgreSQL docs, Lexical Structure → Operators).
        if (end - start > 1 && _sql.AsSpan(start, end - start).IndexOfAny("~!@#%^&|`?") < 0)
        {
            while (end - start > 1 && _sql[end - 1] is '+' or '-')
            {
                end--;
            }
        }

        _pos = end;
        var text = _sql[start..end];
        return new Token(TokenKind.Operator, text == "!=" ? "<>" : text, start, end - start);
    }

    private static SqlSyntaxException Error(string message, int offset) => new(message, offset + 1);
}
