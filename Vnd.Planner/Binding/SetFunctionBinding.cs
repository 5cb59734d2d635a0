using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// The set-returning functions a <see cref="ProjectSet"/> runs, bound with PostgreSQL's overloads: generate_series
/// over int4/int8/numeric (the widest argument type) and timestamp[tz] with an interval step, unnest(array),
/// generate_subscripts(array, dim[, reverse]) and information_schema._pg_expandarray(array) (unnest beside the
/// element's position: the composite (x int2, n int4) pgJDBC reads index keys with) and regexp_matches(s, p [, flags])
/// (a text[] per match: the first, or every one with the g flag).
/// </summary>
internal static class SetFunctionBinding
{
    public static bool Handles(FunctionCall f) =>
        (f.Name.Count == 1 || f.Name[0] == "pg_catalog") && f.Name[^1] is "unnest" or "generate_series" or "generate_subscripts"
            or "string_to_table" or "regexp_split_to_table" or "regexp_matches" || IsJson(f.Name[^1])
        || (f.Name.Count == 2 && f.Name[0] == "information_schema" && f.Name[1] == "_pg_expandarray");

    /// <summary>The JSON set-returning functions: array elements, object keys, and (in FROM) each key with its value.</summary>
    public static bool IsJson(string name) => name is "json_array_elements" or "jsonb_array_elements" or "json_array_elements_text"
        or "jsonb_array_elements_text" or "json_object_keys" or "jsonb_object_keys" or "json_each" or "jsonb_each" or "json_each_text"
        or "jsonb_each_text";

    /// <summary>
    /// string_to_table(s, d [, null]) and regexp_split_to_table(s, p [, flags]) are the unnest of
    /// string_to_array / regexp_split_to_array over the same arguments, as PostgreSQL documents them; null for other calls.
    /// </summary>
    public static FunctionCall? AsUnnest(FunctionCall f) =>
        (f.Name.Count == 1 || f.Name[0] == "pg_catalog") && f.Name[^1] is "string_to_table" or "regexp_split_to_table"
            ? new FunctionCall(["unnest"], [new FunctionCall([f.Name[^1] == "string_to_table" ? "string_to_array" : "regexp_split_to_array"], f.Arguments) { Position = f.Position }])
            {
                Position = f.Position,
            }
            : null;

    /// <summary>
    /// The calls <paramref name="f"/> runs as and the function's result columns as values over the calls' columns
    /// (one for all but _pg_expandarray's x and n), named <paramref name="name"/> when there is one.
    /// </summary>
    public static (List<SetFunctionCall> Calls, List<(string Name, BoundExpr Value)> Columns) Bind(FunctionCall f, ExprBinder binder, BindingContext context, string name)
    {
        f = AsUnnest(f) ?? f;
        var function = f.Name[^1];
        if (f.Filter is not null || f.Distinct || f.OrderBy.Count > 0)
        {
            var clause = f.Filter is not null ? "FILTER" : f.Distinct ? "DISTINCT" : "ORDER BY";
            throw BinderErrors.Error("42809", $"{clause} specified, but {function} is not an aggregate function", f);
        }
        if (f.Star || f.Over is not null || f.WithinGroup.Count > 0)
        {
            throw BinderErrors.Unsupported($"this form of {function}", f);
        }
        switch (function)
        {
            case "generate_series":
            {
                var call = Series(f, binder, context, name);
                return ([call], [(name, BoundColumn.Of(call.Column))]);
            }
            case "regexp_matches":
            {
                if (f.Arguments.Count is not (2 or 3))
                {
                    throw BinderErrors.Unsupported("this form of regexp_matches", f);
                }
                var texts = f.Arguments.Select(a => binder.Coerce(binder.Bind(a), SqlType.Text, a)).ToList();
                var call = new SetFunctionCall(context.NewColumn(name, SqlType.ArrayOf(SqlType.Text)), function, SqlList.From(texts));
                return ([call], [(name, BoundColumn.Of(call.Column))]);
            }
            case var json when IsJson(json):
                return JsonRows(f, binder, context, name);
            case "generate_subscripts":
            {
                if (f.Arguments.Count is not (2 or 3))
                {
                    throw BinderErrors.Unsupported("this form of generate_subscripts", f);
                }
                var array = binder.BindArrayText(f.Arguments[0], out _);
                var dimension = binder.Coerce(binder.Bind(f.Arguments[1]), SqlType.Int4, f.Arguments[1]);
                var reverse = f.Arguments.Count == 3 ? binder.Coerce(binder.Bind(f.Arguments[2]), SqlType.Bool, f.Arguments[2]) : BoundLiteral.False;
                var call = new SetFunctionCall(context.NewColumn(name, SqlType.Int4), function, [array, dimension, reverse]);
                return ([call], [(name, BoundColumn.Of(call.Column))]);
            }
            default:
            {
                if (f.Arguments.Count != 1)
                {
                    throw BinderErrors.Unsupported($"this form of {function}", f);
                }
                var array = binder.BindArrayText(f.Arguments[0], out var element);
                var elements = new SetFunctionCall(context.NewColumn(name, SqlType.Text), "unnest", [array]);
                if (function == "unnest")
                {
                    // The expansion reads the array's text form; a typed array's elements are cast back to its element type.
                    BoundExpr value = element.Id == TypeId.Text ? BoundColumn.Of(elements.Column) : new BoundCast(BoundColumn.Of(elements.Column), element);
                    return ([elements], [(name, value)]);
                }
                // _pg_expandarray: clients expand int2vector/int2[] catalog columns with it (pgJDBC: indkey, conkey), so x is int2.
                var position = new SetFunctionCall(context.NewColumn("n", SqlType.Int4), "ordinality", [array]);
                return ([elements, position], [("x", new BoundCast(BoundColumn.Of(elements.Column), SqlType.Int2)), ("n", BoundColumn.Of(position.Column))]);
            }
        }
    }

    /// <summary>
    /// A JSON function's calls, all over the one json/jsonb argument (an untyped literal takes the function's type):
    /// json[b]_each[_text] is a key call and a value call that give their rows in step.
    /// </summary>
    private static (List<SetFunctionCall> Calls, List<(string Name, BoundExpr Value)> Columns) JsonRows(FunctionCall f, ExprBinder binder, BindingContext context, string name)
    {
        var function = f.Name[^1];
        if (f.Arguments.Count != 1)
        {
            throw BinderErrors.Unsupported($"this form of {function}", f);
        }
        var input = binder.Coerce(binder.Bind(f.Arguments[0]), function.StartsWith("jsonb", StringComparison.Ordinal) ? SqlType.Jsonb : SqlType.Json, f.Arguments[0]);
        var asText = function.EndsWith("_text", StringComparison.Ordinal);
        var valueType = asText ? SqlType.Text : input.Type;
        if (function.Contains("_each", StringComparison.Ordinal))
        {
            var key = new SetFunctionCall(context.NewColumn("key", SqlType.Text), "json_each_key", [input]);
            var value = new SetFunctionCall(context.NewColumn("value", valueType), asText ? "json_each_text" : "json_each_value", [input]);
            return ([key, value], [("key", BoundColumn.Of(key.Column)), ("value", BoundColumn.Of(value.Column))]);
        }
        var keys = function.Contains("object_keys", StringComparison.Ordinal);
        var runner = keys ? "json_object_keys" : asText ? "json_array_elements_text" : "json_array_elements";
        var call = new SetFunctionCall(context.NewColumn(name, keys ? SqlType.Text : valueType), runner, [input]);
        return ([call], [(name, BoundColumn.Of(call.Column))]);
    }

    /// <summary>Whether generate_series(<paramref name="f"/>) is the integer form a <see cref="SeriesScan"/> runs.</summary>
    public static bool IsIntegerSeries(SqlType type) => type.Id is TypeId.Int4 or TypeId.Int8;

    private static SetFunctionCall Series(FunctionCall f, ExprBinder binder, BindingContext context, string name)
    {
        if (f.Arguments.Count is not (2 or 3))
        {
            throw BinderErrors.Unsupported("this form of generate_series", f);
        }
        var arguments = f.Arguments.Select(binder.Bind).ToList();
        var type = SeriesType(arguments) ?? throw BinderErrors.Unsupported(
            $"generate_series over {string.Join(", ", arguments.Select(a => a.Type.PgName))}", f);
        var temporal = type.Id is TypeId.Timestamp or TypeId.TimestampTz;
        if (temporal && arguments.Count != 3)
        {
            throw BinderErrors.Unsupported($"generate_series over {type.PgName} without an interval step", f);
        }
        var typed = arguments.Select((a, i) => binder.Coerce(a, temporal && i == 2 ? SqlType.Interval : type, f.Arguments[i])).ToList();
        var step = typed.Count == 3 ? typed[2] : One(type);
        return new SetFunctionCall(context.NewColumn(name, type), "generate_series", [typed[0], typed[1], step]);
    }

    /// <summary>PostgreSQL's candidates in order: timestamptz, timestamp (with an interval step), numeric, int8, int4.</summary>
    private static SqlType? SeriesType(List<BoundExpr> arguments)
    {
        var ids = arguments.Select(a => a.Type.Id).ToList();
        if (ids.Contains(TypeId.TimestampTz) || ids.Contains(TypeId.Timestamp))
        {
            return ids.Contains(TypeId.TimestampTz) ? SqlType.TimestampTz : SqlType.Timestamp;
        }
        if (ids.Any(id => id is not (TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Numeric or TypeId.Unknown)))
        {
            return null;
        }
        return ids.Contains(TypeId.Numeric) ? SqlType.Numeric : ids.Contains(TypeId.Int8) ? SqlType.Int8 : SqlType.Int4;
    }

    private static BoundLiteral One(SqlType type) => type.Id switch
    {
        TypeId.Int8 => new BoundLiteral(1L, type),
        TypeId.Numeric => new BoundLiteral(1m, type),
        _ => new BoundLiteral(1, type),
    };
}
