using System.Globalization;
using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Array functions over PostgreSQL's one-dimensional array text form ({a,"b c",NULL}), which is how VND carries
/// arrays (catalog columns, current_schemas, string_to_array): array_upper/lower/length, the subscript a[n] (NULL
/// out of range, as in PostgreSQL), string_to_array, parse_ident and x = ANY(array). They run on catalog-sized
/// inputs, so each row parses its array text.
/// </summary>
internal static class ArrayTextFunctions
{
    /// <summary>The executor name of the subscript a[n]; the binder emits it, SQL cannot call it.</summary>
    public const string Subscript = "array_subscript";

    /// <summary>The executor name of x = ANY(array text); the binder emits it, SQL cannot call it.</summary>
    public const string AnyEquals = "array_any_equals";

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a) => (name, a.Count) switch
    {
        ("array_upper", 2) => Row(name, SqlType.Int4, [Text(a[0]), Int(a[1])], static (args, r, i) =>
        {
            var (lower, elements) = ParseAt(args[0], i);
            SetBound(r, i, args[1].Get<int>(i), elements.Count, lower + elements.Count - 1);
        }),
        ("array_length", 2) => Row(name, SqlType.Int4, [Text(a[0]), Int(a[1])], static (args, r, i) =>
        {
            var count = ElementsAt(args[0], i).Count;
            SetBound(r, i, args[1].Get<int>(i), count, count);
        }),
        ("array_lower", 2) => Row(name, SqlType.Int4, [Text(a[0]), Int(a[1])], static (args, r, i) =>
        {
            var (lower, elements) = ParseAt(args[0], i);
            SetBound(r, i, args[1].Get<int>(i), elements.Count, lower);
        }),
        ("cardinality", 1) => Row(name, SqlType.Int4, [Text(a[0])], static (args, r, i) => r.Set(i, ElementsAt(args[0], i).Count)),
        // Arrays here have one dimension; an empty one has none, and PostgreSQL answers NULL for it.
        ("array_ndims", 1) => Row(name, SqlType.Int4, [Text(a[0])], static (args, r, i) =>
        {
            if (ElementsAt(args[0], i).Count == 0)
                r.SetNull(i);
            else
                r.Set(i, 1);
        }),
        ("array_dims", 1) => Row(name, SqlType.Text, [Text(a[0])], static (args, r, i) =>
        {
            var (lower, elements) = ParseAt(args[0], i);
            if (elements.Count == 0)
                r.SetNull(i);
            else
                r.SetBytes(i, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"[{lower}:{lower + elements.Count - 1}]")));
        }),
        (Subscript, 2) => Row(name, SqlType.Text, [Text(a[0]), Int(a[1])], static (args, r, i) =>
        {
            var (lower, elements) = ParseAt(args[0], i);
            var index = (long)args[1].Get<int>(i) - lower;
            if (index < 0 || index >= elements.Count || elements[(int)index] is not { } element)
                r.SetNull(i);
            else
                r.SetBytes(i, Encoding.UTF8.GetBytes(element));
        }),
        ("string_to_array", 2 or 3) => new FunctionExpression(name, SqlType.ArrayOf(SqlType.Text), [.. a.Select(Text)], StringToArray),
        ("parse_ident", 1) => new FunctionExpression(name, SqlType.ArrayOf(SqlType.Text), [Text(a[0])], static (args, r, rows) =>
        {
            var array = new ArrayWriter(PhysicalType.VarBytes);
            RowKernel.Each(args, r, rows, (v, result, i) =>
                TextArrays.Write(array, QualifiedName.Parse(Encoding.UTF8.GetString(v[0].GetBytes(i))), result, i));
        }),
        (AnyEquals, 2) => new FunctionExpression(name, SqlType.Bool, [a[0], Text(a[1])], AnyEqual),
        _ => null,
    };

    private static Expression Text(Expression e) => TypeUnification.To(e, SqlType.Text);

    private static Expression Int(Expression e) => TypeUnification.To(e, SqlType.Int4);

    private static FunctionExpression Row(string name, SqlType type, Expression[] arguments, RowBody body) =>
        new(name, type, arguments, (args, r, rows) => RowKernel.Each(args, r, rows, body));

    private static List<string?> ElementsAt(Vector array, int row) => ParseAt(array, row).Elements;

    private static (int Lower, List<string?> Elements) ParseAt(Vector array, int row) => ArrayText.Parse(Encoding.UTF8.GetString(array.GetBytes(row)));

    /// <summary>Arrays here have one dimension: any other dimension, and the bounds of an empty array, are NULL.</summary>
    private static void SetBound(Vector result, int row, int dimension, int count, int value)
    {
        if (dimension != 1 || count == 0)
            result.SetNull(row);
        else
            result.Set(row, value);
    }

    /// <summary>
    /// string_to_array(text, separator [, null string]): NULL text gives NULL, an empty text the empty array, a NULL
    /// separator one element per character and an empty separator the whole text as one element; elements equal to
    /// the null string (when it is not NULL) become NULL.
    /// </summary>
    private static void StringToArray(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        var array = new ArrayWriter(PhysicalType.VarBytes);
        foreach (var i in rows)
        {
            if (args[0].IsNull(i))
            {
                result.SetNull(i);
                continue;
            }
            var text = Encoding.UTF8.GetString(args[0].GetBytes(i));
            string[] parts = text.Length == 0 ? []
                : args[1].IsNull(i) ? [.. SplitCharacters(text)]
                : args[1].GetBytes(i).IsEmpty ? [text]
                : text.Split(Encoding.UTF8.GetString(args[1].GetBytes(i)));
            var nullText = args.Length > 2 && !args[2].IsNull(i) ? Encoding.UTF8.GetString(args[2].GetBytes(i)) : null;
            TextArrays.Write(array, parts.Select(p => p == nullText ? null : p), result, i);
        }
    }

    private static IEnumerable<string> SplitCharacters(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
            yield return elements.GetTextElement();
    }

    /// <summary>
    /// x = ANY(array): true when an element equals x, else NULL when x or an element is NULL (or the array is
    /// NULL), else false. Text compares exactly; for integers and oid each element is read as a number, as
    /// array_in would for an array of x's type (so '{01}' holds 1), and a non-number is 22P02.
    /// </summary>
    private static void AnyEqual(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        var numeric = args[0].Type.Id != TypeId.Text;
        foreach (var i in rows)
        {
            if (args[1].IsNull(i))
            {
                result.SetNull(i);
                continue;
            }
            var elements = ElementsAt(args[1], i);
            if (elements.Count == 0)
            {
                result.Set(i, (byte)0);
                continue;
            }
            var isNull = args[0].IsNull(i);
            var number = isNull || !numeric ? 0 : Convert.ToInt64(VectorValues.Get(args[0], i), CultureInfo.InvariantCulture);
            var text = isNull || numeric ? null : Encoding.UTF8.GetString(args[0].GetBytes(i));
            var sawNull = isNull;
            var found = false;
            foreach (var element in elements)
            {
                if (element is null)
                    sawNull = true;
                else if (!isNull)
                    found |= numeric ? Number(element, args[0].Type) == number : string.Equals(element, text, StringComparison.Ordinal);
            }
            if (found)
                result.Set(i, (byte)1);
            else if (sawNull)
                result.SetNull(i);
            else
                result.Set(i, (byte)0);
        }
    }

    private static long Number(string element, SqlType type) =>
        long.TryParse(element.AsSpan().Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ExecutionException(SqlState.InvalidTextRepresentation, $"invalid input syntax for type {type.PgName}: \"{element}\"");
}
