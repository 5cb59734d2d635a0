using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Composite values in PostgreSQL's record text form, (7,1) or ("a b",,x), which is how VND carries the rows a
/// set-returning function such as information_schema._pg_expandarray returns as one value: the binder's
/// row_construct builds one from its fields, record_field(record, n) reads field n (1-based) back as text.
/// </summary>
internal static class RecordTextFunctions
{
    public const string Construct = "row_construct";

    public const string Field = "record_field";

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a) => (name, a.Count) switch
    {
        (Construct, > 0) => new FunctionExpression(name, SqlType.Text, a, ConstructRows),
        (Field, 2) => new FunctionExpression(name, SqlType.Text, [TypeUnification.To(a[0], SqlType.Text), TypeUnification.To(a[1], SqlType.Int4)],
            (args, r, rows) => RowKernel.Each(args, r, rows, static (args, r, i) =>
            {
                var fields = Parse(Encoding.UTF8.GetString(args[0].GetBytes(i)));
                var index = args[1].Get<int>(i);
                if (index < 1 || index > fields.Count)
                    throw new ExecutionException(SqlState.UndefinedColumn, $"record has no field {index}");
                if (fields[index - 1] is { } field)
                    r.SetBytes(i, Encoding.UTF8.GetBytes(field));
                else
                    r.SetNull(i);
            })),
        _ => null,
    };

    /// <summary>record_out: a NULL field is empty; a field that is empty or holds quotes, backslashes, parentheses, commas or spaces is quoted.</summary>
    private static void ConstructRows(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        var text = new StringBuilder();
        foreach (var i in rows)
        {
            text.Clear().Append('(');
            for (var k = 0; k < args.Length; k++)
            {
                if (k > 0)
                    text.Append(',');
                if (VectorValues.Get(args[k], i) is not { } value)
                    continue;
                var item = ValueFormatter.Format(value, args[k].Type);
                var quote = item.Length == 0 || item.AsSpan().IndexOfAny("\"\\(),") >= 0 || item.Any(char.IsWhiteSpace);
                if (!quote)
                {
                    text.Append(item);
                    continue;
                }
                text.Append('"');
                foreach (var c in item)
                    text.Append(c is '"' or '\\' ? new string(c, 2) : c.ToString());
                text.Append('"');
            }
            result.SetBytes(i, Encoding.UTF8.GetBytes(text.Append(')').ToString()));
        }
    }

    /// <summary>record_in's reading of one record text: fields between the parentheses; an empty unquoted field is NULL.</summary>
    public static List<string?> Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '(' || trimmed[^1] != ')')
            throw new ExecutionException(SqlState.InvalidTextRepresentation, $"malformed record literal: \"{text}\"");
        var fields = new List<string?>();
        var current = new StringBuilder();
        var quotedField = false;
        for (var i = 1; i < trimmed.Length - 1; i++)
        {
            var c = trimmed[i];
            if (c == ',')
            {
                fields.Add(current.Length == 0 && !quotedField ? null : current.ToString());
                current.Clear();
                quotedField = false;
            }
            else if (c == '"')
            {
                quotedField = true;
                for (i++; i < trimmed.Length - 1; i++)
                {
                    if (trimmed[i] == '\\' || (trimmed[i] == '"' && trimmed[i + 1] == '"'))
                        current.Append(trimmed[++i]);
                    else if (trimmed[i] == '"')
                        break;
                    else
                        current.Append(trimmed[i]);
                }
            }
            else
            {
                current.Append(c == '\\' && i + 1 < trimmed.Length - 1 ? trimmed[++i] : c);
            }
        }
        fields.Add(current.Length == 0 && !quotedField ? null : current.ToString());
        return fields;
    }
}
