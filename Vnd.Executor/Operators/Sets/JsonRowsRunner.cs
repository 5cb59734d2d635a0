using System.Text;
using System.Text.Json;
using Vnd.Executor.Expressions;
using Vnd.Executor.Expressions.Json;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Operators.Sets;

/// <summary>
/// The rows of a json/jsonb value: json[b]_array_elements[_text] (one per element), json[b]_object_keys (one per
/// key) and json[b]_each[_text] as two runners in step, one for the keys and one for the values. A value's JSON text
/// is its text in the document (canonical already for jsonb); the _text forms give strings unquoted and JSON null as
/// SQL NULL. A NULL argument gives no rows; the wrong kind of value is PostgreSQL's 22023.
/// </summary>
public sealed class JsonRowsRunner(Expression[] arguments, string function) : SetFunctionRunner(arguments)
{
    private readonly List<string?> _rows = [];
    private int _next;

    public override void Begin(int row)
    {
        _rows.Clear();
        _next = 0;
        var input = Argument(0);
        if (input.IsNull(row))
            return;
        using var document = JsonText.Parse(Encoding.UTF8.GetString(input.GetBytes(row)));
        var root = document.RootElement;
        if (function is "json_array_elements" or "json_array_elements_text")
        {
            if (root.ValueKind != JsonValueKind.Array)
                throw Wrong(root.ValueKind == JsonValueKind.Object ? "cannot extract elements from an object" : "cannot extract elements from a scalar");
            foreach (var element in root.EnumerateArray())
                _rows.Add(function == "json_array_elements" ? element.GetRawText() : JsonText.Unquoted(element));
            return;
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw Wrong($"cannot call {function} on {(root.ValueKind == JsonValueKind.Array ? "an array" : "a scalar")}");
        foreach (var property in root.EnumerateObject())
        {
            _rows.Add(function switch
            {
                "json_object_keys" or "json_each_key" => property.Name,
                "json_each_value" => property.Value.GetRawText(),
                _ => JsonText.Unquoted(property.Value),
            });
        }
    }

    public override int Write(Vector output, int at, int max)
    {
        var written = 0;
        for (; written < max && _next < _rows.Count; written++)
        {
            if (_rows[_next++] is { } text)
                output.SetBytes(at + written, Encoding.UTF8.GetBytes(text));
            else
                output.SetNull(at + written);
        }
        return written;
    }

    private static ExecutionException Wrong(string message) => new(SqlState.InvalidParameterValue, message);
}
