using System.Text;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// PostgreSQL's text form of a one-dimensional array: {a,"b,c",NULL}; quoted elements may escape with a backslash;
/// a lower bound other than 1 is written in front ([0:1]={1,2}). The catalog's int2vector and oidvector columns
/// print as integers separated by spaces (1 2), and their subscripts start at 0.
/// </summary>
public static class ArrayText
{
    public static List<string?> Elements(string text) => Parse(text).Elements;

    /// <summary>The lower bound and the elements of an array text or of an int2vector/oidvector text; 22P02 for anything else.</summary>
    public static (int Lower, List<string?> Elements) Parse(string text)
    {
        var trimmed = text.Trim();
        if (IsVector(trimmed))
            return (0, [.. trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        var lower = 1;
        if (trimmed.StartsWith('[') && trimmed.IndexOf("]=", StringComparison.Ordinal) is var end and > 0)
        {
            var bounds = trimmed[1..end].Split(':');
            if (bounds.Length != 2 || !int.TryParse(bounds[0], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out lower))
                throw new ExecutionException(SqlState.InvalidTextRepresentation, $"malformed array literal: \"{text}\"");
            trimmed = trimmed[(end + 2)..];
        }
        if (trimmed.Length < 2 || trimmed[0] != '{' || trimmed[^1] != '}')
            throw new ExecutionException(SqlState.InvalidTextRepresentation, $"malformed array literal: \"{text}\"");
        return (lower, Body(trimmed));
    }

    /// <summary>int2vector/oidvector output: digits (an optional minus) and single spaces, possibly nothing at all.</summary>
    private static bool IsVector(string text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiDigit(c) || c is ' ' or '-'))
                return false;
        }
        return true;
    }

    private static List<string?> Body(string trimmed)
    {
        var elements = new List<string?>();
        var body = trimmed.AsSpan(1, trimmed.Length - 2);
        if (body.IsEmpty)
            return elements;
        var current = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (quoted)
            {
                if (c == '\\' && i + 1 < body.Length)
                    current.Append(body[++i]);
                else if (c == '"')
                    quoted = false;
                else
                    current.Append(c);
            }
            else if (c == '"')
            {
                quoted = wasQuoted = true;
            }
            else if (c == ',')
            {
                elements.Add(Element(current, wasQuoted));
                current.Clear();
                wasQuoted = false;
            }
            else
            {
                current.Append(c);
            }
        }
        elements.Add(Element(current, wasQuoted));
        return elements;
    }

    /// <summary>The text form of an array of <paramref name="elementType"/> values, quoting elements as array_out does;
    /// timestamptz elements are printed in <paramref name="zone"/> (the session's TimeZone) when one is given.</summary>
    public static string Format(IReadOnlyList<object?> elements, Vnd.Planner.Types.SqlType elementType, TimeZoneInfo? zone = null)
    {
        var text = new StringBuilder("{");
        for (var i = 0; i < elements.Count; i++)
        {
            if (i > 0)
                text.Append(',');
            if (elements[i] is not { } value)
            {
                text.Append("NULL");
                continue;
            }
            // boolout prints t/f inside arrays (bool::text is true/false).
            var item = value switch
            {
                bool b => b ? "t" : "f",
                DateTime instant when zone is not null && elementType.Id == Vnd.Planner.Types.TypeId.TimestampTz => ValueFormatter.FormatZoned(instant, zone),
                _ => ValueFormatter.Format(value, elementType),
            };
            var quote = item.Length == 0 || item.Equals("NULL", StringComparison.OrdinalIgnoreCase)
                || item.AsSpan().IndexOfAny("{},\\\" \t\n\r") >= 0;
            if (!quote)
            {
                text.Append(item);
                continue;
            }
            text.Append('"');
            foreach (var c in item)
                text.Append(c is '"' or '\\' ? "\\" + c : c.ToString());
            text.Append('"');
        }
        return text.Append('}').ToString();
    }

    private static string? Element(StringBuilder text, bool quoted)
    {
        var value = quoted ? text.ToString() : text.ToString().Trim();
        return !quoted && value.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : value;
    }
}
