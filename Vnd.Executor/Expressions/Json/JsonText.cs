using System.Globalization;
using System.Text;
using System.Text.Json;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions.Json;

/// <summary>
/// JSON text as PostgreSQL's json and jsonb types keep it. json stores the input as it came (checked); jsonb stores
/// a canonical form, which is also how it prints: object keys ordered by length and then bytes, a repeated key's last
/// value kept, ", " and ": " separators, numbers as numeric prints them (1e2 → 100, 1.50 stays 1.50), strings with
/// PostgreSQL's escapes. Canonical text makes jsonb equality and hashing byte comparisons.
/// </summary>
public static class JsonText
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 1000 };

    /// <summary>Parses JSON text; 22P02 for anything that is not JSON.</summary>
    public static JsonDocument Parse(string text, string type = "json")
    {
        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException)
        {
            throw new ExecutionException(SqlState.InvalidTextRepresentation, $"invalid input syntax for type {type}");
        }
    }

    /// <summary>The json value of <paramref name="text"/>: the text itself once it parses.</summary>
    public static string Json(string text)
    {
        using var document = Parse(text);
        return text;
    }

    /// <summary>The jsonb value (canonical text) of <paramref name="text"/>.</summary>
    public static string Jsonb(string text)
    {
        using var document = Parse(text, "jsonb");
        return Canonical(document.RootElement);
    }

    public static string Canonical(JsonElement element)
    {
        var output = new StringBuilder();
        WriteCanonical(element, output);
        return output.ToString();
    }

    public static void WriteCanonical(JsonElement element, StringBuilder output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                    members[property.Name] = property.Value;
                output.Append('{');
                var first = true;
                foreach (var (name, value) in members.OrderBy(m => m.Key, KeyOrder.Instance))
                {
                    if (!first)
                        output.Append(", ");
                    first = false;
                    Quote(name, output);
                    output.Append(": ");
                    WriteCanonical(value, output);
                }
                output.Append('}');
                break;
            case JsonValueKind.Array:
                output.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index++ > 0)
                        output.Append(", ");
                    WriteCanonical(item, output);
                }
                output.Append(']');
                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (text.Contains('\0', StringComparison.Ordinal))
                    throw new ExecutionException("22P05", "unsupported Unicode escape sequence");
                Quote(text, output);
                break;
            case JsonValueKind.Number:
                output.Append(Number(element.GetRawText()));
                break;
            case JsonValueKind.True:
                output.Append("true");
                break;
            case JsonValueKind.False:
                output.Append("false");
                break;
            default:
                output.Append("null");
                break;
        }
    }

    /// <summary>A value as ->> and the _text functions give it: a string unquoted, JSON null as SQL NULL (null),
    /// anything else its JSON text.</summary>
    public static string? Unquoted(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null => null,
        _ => element.GetRawText(),
    };

    /// <summary>A JSON number as PostgreSQL's numeric prints it (exponents applied, trailing zeros of the written
    /// scale kept); numbers beyond decimal's range keep their text.</summary>
    public static string Number(string raw) =>
        decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (value == 0 && value.Scale == 0 ? "0" : value.ToString(CultureInfo.InvariantCulture))
            : raw;

    /// <summary>A JSON string literal with PostgreSQL's escapes (escape_json).</summary>
    public static void Quote(string text, StringBuilder output)
    {
        output.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case < ' ': output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: output.Append(c); break;
            }
        }
        output.Append('"');
    }

    public static string Quote(string text)
    {
        var output = new StringBuilder(text.Length + 2);
        Quote(text, output);
        return output.ToString();
    }

    /// <summary>jsonb's key order: shorter keys first, then by their UTF-8 bytes.</summary>
    private sealed class KeyOrder : IComparer<string>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = Encoding.UTF8.GetBytes(x!);
            var b = Encoding.UTF8.GetBytes(y!);
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.AsSpan().SequenceCompareTo(b);
        }
    }
}
