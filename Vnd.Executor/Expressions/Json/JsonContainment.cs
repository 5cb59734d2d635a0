using System.Text.Json;

namespace Vnd.Executor.Expressions.Json;

/// <summary>
/// jsonb's @&gt;: an object contains another when it has each of its keys with a containing value; an array contains
/// another when each element of that one is contained in some element of this one; at the top level an array also
/// contains a scalar it holds; scalars contain only an equal scalar (numbers compared as numbers).
/// </summary>
internal static class JsonContainment
{
    public static bool Contains(JsonElement value, JsonElement wanted, bool top)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                if (wanted.ValueKind != JsonValueKind.Object)
                    return false;
                foreach (var property in wanted.EnumerateObject())
                {
                    if (!value.TryGetProperty(property.Name, out var member) || !Contains(member, property.Value, top: false))
                        return false;
                }
                return true;
            case JsonValueKind.Array:
                if (wanted.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in wanted.EnumerateArray())
                    {
                        if (!value.EnumerateArray().Any(candidate => Matches(candidate, item)))
                            return false;
                    }
                    return true;
                }
                return top && wanted.ValueKind is not JsonValueKind.Object && value.EnumerateArray().Any(candidate => ScalarEquals(candidate, wanted));
            default:
                return ScalarEquals(value, wanted);
        }
    }

    /// <summary>An element inside arrays: a scalar matches an equal scalar only, a container the containment rule.</summary>
    private static bool Matches(JsonElement candidate, JsonElement item) =>
        item.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? candidate.ValueKind == item.ValueKind && Contains(candidate, item, top: false)
            : ScalarEquals(candidate, item);

    private static bool ScalarEquals(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
            return false;
        return a.ValueKind switch
        {
            JsonValueKind.String => a.GetString() == b.GetString(),
            JsonValueKind.Number => a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y) ? x == y : a.GetRawText() == b.GetRawText(),
            JsonValueKind.Object or JsonValueKind.Array => false,
            _ => true,
        };
    }
}
