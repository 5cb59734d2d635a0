using System.Text;
using System.Text.Json;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions.Json;

/// <summary>
/// The json/jsonb operators and functions. Values are JSON text (jsonb's canonical), parsed per row: JSON columns
/// are rare in trace tables, so these are row kernels rather than vector loops.
/// </summary>
internal static class JsonFunctions
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        if (a.Count == 0 && name is not ("json_build_object" or "jsonb_build_object" or "json_build_array" or "jsonb_build_array"))
            return null;
        var jsonArgument = a.Count > 0 && a[0].Type.Id is TypeId.Json or TypeId.Jsonb;
        var type = a.Count > 0 ? a[0].Type : SqlType.Json;
        switch (name)
        {
            case "->" or "#>" when jsonArgument && a.Count == 2:
                return Strict(name, type, a, (v, row) => Find(v, row) is { } e ? e.GetRawText() : null);
            case "->>" or "#>>" when jsonArgument && a.Count == 2:
                return Strict(name, SqlType.Text, a, (v, row) => Find(v, row) is { } e ? JsonText.Unquoted(e) : null);
            case "?" when jsonArgument && a.Count == 2:
                return Predicate(name, a, (v, row) => HasKey(Root(v[0], row), Text(v[1], row)));
            case "?|" or "?&" when jsonArgument && a.Count == 2:
                var all = name == "?&";
                return Predicate(name, a, (v, row) =>
                {
                    using var document = Parse(v[0], row);
                    var keys = Keys(v[1], row);
                    return all ? keys.All(k => HasKey(document.RootElement, k)) : keys.Any(k => HasKey(document.RootElement, k));
                });
            case "@>" or "<@" when jsonArgument && a.Count == 2:
                var contains = name == "@>";
                return Predicate(name, a, (v, row) =>
                {
                    using var left = Parse(v[0], row);
                    using var right = Parse(v[1], row);
                    return contains ? JsonContainment.Contains(left.RootElement, right.RootElement, top: true)
                        : JsonContainment.Contains(right.RootElement, left.RootElement, top: true);
                });
            case "||" when jsonArgument && a.Count == 2:
                return Strict(name, SqlType.Jsonb, a, (v, row) => JsonEditing.Concat(Text(v[0], row), Text(v[1], row)));
            case "-" when jsonArgument && a.Count == 2:
                return Strict(name, SqlType.Jsonb, a, (v, row) => a[1].Type.Id == TypeId.Int4
                    ? JsonEditing.RemoveIndex(Text(v[0], row), v[1].Get<int>(row))
                    : JsonEditing.RemoveKey(Text(v[0], row), Text(v[1], row)));
            case "json_typeof" or "jsonb_typeof" when jsonArgument && a.Count == 1:
                return Strict(name, SqlType.Text, a, (v, row) => TypeName(Root(v[0], row).ValueKind));
            case "json_array_length" or "jsonb_array_length" when jsonArgument && a.Count == 1:
                return new FunctionExpression(name, SqlType.Int4, [.. a], (values, r, rows) => RowKernel.Each(values, r, rows, (v, result, row) =>
                    result.Set(row, ArrayLength(Root(v[0], row), name))));
            case "jsonb_pretty" when jsonArgument && a.Count == 1:
                return Strict(name, SqlType.Text, a, (v, row) => JsonEditing.Pretty(Root(v[0], row)));
            case "to_json" or "to_jsonb" when a.Count == 1:
                var jsonb = name == "to_jsonb";
                return Strict(name, jsonb ? SqlType.Jsonb : SqlType.Json, a, (v, row) =>
                {
                    var json = JsonValues.ToJson(VectorValues.Get(v[0], row), a[0].Type);
                    return jsonb ? JsonText.Jsonb(json) : json;
                });
            case "json_build_object" or "jsonb_build_object":
                return Build(name, name.StartsWith("jsonb", StringComparison.Ordinal), a, BuildObject);
            case "json_build_array" or "jsonb_build_array":
                return Build(name, name.StartsWith("jsonb", StringComparison.Ordinal), a, BuildArray);
            default:
                return null;
        }
    }

    private delegate string? TextBody(ReadOnlySpan<Vector> values, int row);

    private delegate bool PredicateBody(ReadOnlySpan<Vector> values, int row);

    /// <summary>NULL in → NULL out; a null body result is SQL NULL too (a path that leads nowhere).</summary>
    private static FunctionExpression Strict(string name, SqlType type, IReadOnlyList<Expression> a, TextBody body) =>
        new(name, type, [.. a], (values, r, rows) => RowKernel.Each(values, r, rows, (v, result, row) =>
        {
            if (body(v, row) is { } text)
                result.SetBytes(row, Encoding.UTF8.GetBytes(text));
            else
                result.SetNull(row);
        }));

    private static FunctionExpression Predicate(string name, IReadOnlyList<Expression> a, PredicateBody body) =>
        new(name, SqlType.Bool, [.. a], (values, r, rows) => RowKernel.Each(values, r, rows, (v, result, row) =>
            result.Set(row, body(v, row) ? (byte)1 : (byte)0)));

    /// <summary>The builders take NULL arguments as JSON null, so they are not strict.</summary>
    private static FunctionExpression Build(string name, bool jsonb, IReadOnlyList<Expression> a, Func<ReadOnlySpan<Vector>, IReadOnlyList<Expression>, int, bool, string> build) =>
        new(name, jsonb ? SqlType.Jsonb : SqlType.Json, [.. a], (values, r, rows) =>
        {
            RowKernel.Prepare(values, r);
            if (values.Length == 0)
                r.ResetConstant();
            foreach (var row in values.Length == 0 ? [0] : rows)
            {
                var json = build(values, a, row, jsonb);
                r.SetBytes(row, Encoding.UTF8.GetBytes(jsonb ? JsonText.Jsonb(json) : json));
            }
        });

    private static string BuildObject(ReadOnlySpan<Vector> values, IReadOnlyList<Expression> a, int row, bool jsonb)
    {
        if (values.Length % 2 != 0)
            throw new ExecutionException(SqlState.InvalidParameterValue, "argument list must have even number of elements");
        var output = new StringBuilder("{");
        for (var i = 0; i < values.Length; i += 2)
        {
            if (values[i].IsNull(row))
                throw new ExecutionException(SqlState.NullValueNotAllowed, $"null value not allowed for object key");
            if (i > 0)
                output.Append(", ");
            var key = VectorValues.Get(values[i], row)!;
            JsonText.Quote(key is string s ? s : ValueFormatter.Format(key, a[i].Type), output);
            output.Append(jsonb ? ": " : " : ");
            JsonValues.Write(VectorValues.Get(values[i + 1], row), a[i + 1].Type, output);
        }
        return output.Append('}').ToString();
    }

    private static string BuildArray(ReadOnlySpan<Vector> values, IReadOnlyList<Expression> a, int row, bool jsonb)
    {
        var output = new StringBuilder("[");
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
                output.Append(", ");
            JsonValues.Write(VectorValues.Get(values[i], row), a[i].Type, output);
        }
        return output.Append(']').ToString();
    }

    private static string Text(Vector vector, int row) => Encoding.UTF8.GetString(vector.GetBytes(row));

    private static JsonDocument Parse(Vector vector, int row) => JsonText.Parse(Text(vector, row));

    /// <summary>The root element, detached from its document (values here are small).</summary>
    private static JsonElement Root(Vector vector, int row)
    {
        using var document = Parse(vector, row);
        return document.RootElement.Clone();
    }

    /// <summary>-> / ->> with a key or index, #> / #>> with a path: the element reached, or null.</summary>
    private static JsonElement? Find(ReadOnlySpan<Vector> v, int row)
    {
        var element = Root(v[0], row);
        if (v[1].Type.Id == TypeId.Int4)
            return Step(element, v[1].Get<int>(row));
        if (v[1].Type.Id == TypeId.Text)
            return Step(element, Text(v[1], row));
        foreach (var key in Keys(v[1], row))
        {
            if (key is null)
                return null;
            if (element.ValueKind == JsonValueKind.Array)
            {
                if (!int.TryParse(key, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var index)
                    || Step(element, index) is not { } item)
                    return null;
                element = item;
            }
            else if (Step(element, key) is { } member)
            {
                element = member;
            }
            else
            {
                return null;
            }
        }
        return element;
    }

    private static JsonElement? Step(JsonElement element, string key)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        JsonElement? found = null;
        // A repeated key of a json object: the last one, as PostgreSQL's jsonb keeps it.
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals(key))
                found = property.Value;
        }
        return found;
    }

    private static JsonElement? Step(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Array)
            return null;
        var length = element.GetArrayLength();
        if (index < 0)
            index += length;
        return index >= 0 && index < length ? element[index] : null;
    }

    private static string?[] Keys(Vector vector, int row) =>
        VectorValues.Get(vector, row) is ArrayValue array ? [.. array.Items.Select(i => (string?)i)] : [];

    private static bool HasKey(JsonElement element, string? key) => key is not null && element.ValueKind switch
    {
        JsonValueKind.Object => Step(element, key) is not null,
        JsonValueKind.Array => element.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == key),
        JsonValueKind.String => element.GetString() == key,
        _ => false,
    };

    private static string TypeName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static int ArrayLength(JsonElement element, string function) => element.ValueKind switch
    {
        JsonValueKind.Array => element.GetArrayLength(),
        JsonValueKind.Object => throw new ExecutionException(SqlState.InvalidParameterValue, $"{function}: cannot get array length of a non-array"),
        _ => throw new ExecutionException(SqlState.InvalidParameterValue, $"{function}: cannot get array length of a scalar"),
    };
}
