using System.Globalization;
using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions.Json;

/// <summary>
/// SQL values as JSON (to_json, json_build_object, json_agg): booleans and numbers as JSON literals (NaN and the
/// infinities as strings), timestamps in ISO 8601 with a T, json and jsonb values as they are, arrays as JSON
/// arrays, everything else as the JSON string of its output text — datum_to_json's rules.
/// </summary>
public static class JsonValues
{
    public static void Write(object? value, SqlType type, StringBuilder output)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (value)
        {
            case null:
                output.Append("null");
                return;
            case string text when type.Id is TypeId.Json or TypeId.Jsonb:
                output.Append(text);
                return;
            case bool b:
                output.Append(b ? "true" : "false");
                return;
            case short or int or long when type.Id != TypeId.Oid:
                output.Append(((IFormattable)value).ToString(null, invariant));
                return;
            case decimal:
                output.Append(ValueFormatter.Format(value, type));
                return;
            case double d when double.IsFinite(d):
                output.Append(ValueFormatter.Format(value, type));
                return;
            case DateTime t:
                var local = t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", invariant).TrimEnd('.');
                JsonText.Quote(type.Id == TypeId.TimestampTz ? local + "+00:00" : local, output);
                return;
            case ArrayValue array:
                output.Append('[');
                for (var i = 0; i < array.Items.Count; i++)
                {
                    if (i > 0)
                        output.Append(',');
                    Write(array.Items[i], array.Element, output);
                }
                output.Append(']');
                return;
            default:
                JsonText.Quote(ValueFormatter.Format(value, type), output);
                return;
        }
    }

    public static string ToJson(object? value, SqlType type)
    {
        var output = new StringBuilder();
        Write(value, type, output);
        return output.ToString();
    }
}
