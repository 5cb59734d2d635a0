using System.Text;
using Vnd.Planner.Errors;
namespace Vnd.Executor.Expressions;

/// <summary>
/// parse_ident's reading of a qualified SQL name (a.b."C d"): unquoted parts are lower-cased, quoted parts keep
/// their case with "" for a quote, parts are separated by dots with optional white space around them.
/// </summary>
internal static class QualifiedName
{
    public static List<string> Parse(string text)
    {
        var parts = new List<string>();
        var i = SkipSpace(text, 0);
        while (true)
        {
            var part = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                i = ReadQuoted(text, i + 1, part);
            }
            else
            {
                while (i < text.Length && IsIdentifierChar(text[i], part.Length == 0))
                    part.Append(char.ToLowerInvariant(text[i++]));
                if (part.Length == 0)
                    throw Invalid(text, text.Length == 0 || i >= text.Length || text[i] == '.' ? "No valid identifier before \".\"." : null);
            }
            parts.Add(part.ToString());
            i = SkipSpace(text, i);
            if (i == text.Length)
                return parts;
            if (text[i] != '.')
                throw Invalid(text, null);
            i = SkipSpace(text, i + 1);
            if (i == text.Length)
                throw Invalid(text, "No valid identifier after \".\".");
        }
    }

    private static int ReadQuoted(string text, int i, StringBuilder part)
    {
        while (true)
        {
            var close = text.IndexOf('"', i);
            if (close < 0)
                throw Invalid(text, "String has unclosed double quotes.");
            part.Append(text, i, close - i);
            if (close + 1 < text.Length && text[close + 1] == '"')
            {
                part.Append('"');
                i = close + 2;
                continue;
            }
            if (part.Length == 0)
                throw Invalid(text, "Quoted identifier must not be empty.");
            return close + 1;
        }
    }

    /// <summary>Letters, '_' and non-ASCII start a name; digits and '$' may follow (scan.l's ident_start/ident_cont).</summary>
    private static bool IsIdentifierChar(char c, bool first) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_' or > '\u007f' || (!first && c is (>= '0' and <= '9') or '$');

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        return i;
    }

    private static ExecutionException Invalid(string text, string? detail) =>
        new(SqlState.InvalidParameterValue, $"string is not a valid identifier: \"{text}\"" + (detail is null ? "" : " (" + detail + ")"));
}
