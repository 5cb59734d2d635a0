using System.Text;
using System.Text.Json;

namespace Vnd.Executor.Expressions.Json;

/// <summary>jsonb || jsonb, jsonb - key, jsonb - index and jsonb_pretty, over canonical text.</summary>
internal static class JsonEditing
{
    /// <summary>Two objects merge (the right side's keys win); otherwise both sides become arrays and are joined.</summary>
    public static string Concat(string left, string right)
    {
        using var l = JsonText.Parse(left, "jsonb");
        using var r = JsonText.Parse(right, "jsonb");
        var output = new StringBuilder();
        if (l.RootElement.ValueKind == JsonValueKind.Object && r.RootElement.ValueKind == JsonValueKind.Object)
        {
            output.Append('{');
            var first = true;
            foreach (var side in (JsonElement[])[l.RootElement, r.RootElement])
            {
                foreach (var property in side.EnumerateObject())
                {
                    if (!first)
                        output.Append(',');
                    first = false;
                    JsonText.Quote(property.Name, output);
                    output.Append(':').Append(property.Value.GetRawText());
                }
            }
            return JsonText.Jsonb(output.Append('}').ToString());
        }
        output.Append('[');
        var count = 0;
        foreach (var side in (JsonElement[])[l.RootElement, r.RootElement])
        {
            foreach (var item in side.ValueKind == JsonValueKind.Array ? side.EnumerateArray().ToArray() : [side])
            {
                if (count++ > 0)
                    output.Append(',');
                output.Append(item.GetRawText());
            }
        }
        return JsonText.Jsonb(output.Append(']').ToString());
    }

    /// <summary>Removes a key from an object, or the string elements equal to it from an array.</summary>
    public static string RemoveKey(string value, string key)
    {
        using var document = JsonText.Parse(value, "jsonb");
        var root = document.RootElement;
        return root.ValueKind switch
        {
            JsonValueKind.Object => Rebuild('{', '}', root.EnumerateObject().Where(p => p.Name != key)
                .Select(p => JsonText.Quote(p.Name) + ":" + p.Value.GetRawText())),
            JsonValueKind.Array => Rebuild('[', ']', root.EnumerateArray()
                .Where(e => e.ValueKind != JsonValueKind.String || e.GetString() != key).Select(e => e.GetRawText())),
            _ => throw new ExecutionException(Vnd.Planner.Errors.SqlState.InvalidParameterValue, "cannot delete from scalar"),
        };
    }

    /// <summary>Removes the element at an index (negative: from the end) from an array.</summary>
    public static string RemoveIndex(string value, int index)
    {
        using var document = JsonText.Parse(value, "jsonb");
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
            throw new ExecutionException(Vnd.Planner.Errors.SqlState.InvalidParameterValue, "cannot delete from object using integer index");
        if (root.ValueKind != JsonValueKind.Array)
            throw new ExecutionException(Vnd.Planner.Errors.SqlState.InvalidParameterValue, "cannot delete from scalar");
        var length = root.GetArrayLength();
        var at = index < 0 ? index + length : index;
        return Rebuild('[', ']', root.EnumerateArray().Where((_, i) => i != at).Select(e => e.GetRawText()));
    }

    private static string Rebuild(char open, char close, IEnumerable<string> parts) =>
        JsonText.Jsonb(open + string.Join(',', parts) + close);

    /// <summary>jsonb_pretty: one member or element a line, four spaces an indent level (an empty container too
    /// opens a line: "{\n    }").</summary>
    public static string Pretty(JsonElement element)
    {
        var output = new StringBuilder();
        Pretty(element, 0, output);
        return output.ToString();
    }

    private static void Pretty(JsonElement element, int depth, StringBuilder output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                output.Append("{\n");
                var members = element.EnumerateObject().ToArray();
                for (var i = 0; i < members.Length; i++)
                {
                    output.Append(' ', (depth + 1) * 4);
                    JsonText.Quote(members[i].Name, output);
                    output.Append(": ");
                    Pretty(members[i].Value, depth + 1, output);
                    output.Append(i + 1 < members.Length ? ",\n" : "\n");
                }
                output.Append(' ', depth * 4).Append('}');
                break;
            case JsonValueKind.Array:
                output.Append("[\n");
                var items = element.EnumerateArray().ToArray();
                for (var i = 0; i < items.Length; i++)
                {
                    output.Append(' ', (depth + 1) * 4);
                    Pretty(items[i], depth + 1, output);
                    output.Append(i + 1 < items.Length ? ",\n" : "\n");
                }
                output.Append(' ', depth * 4).Append(']');
                break;
            default:
                JsonText.WriteCanonical(element, output);
                break;
        }
    }
}
