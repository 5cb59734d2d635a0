using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions.Formatting;

/// <summary>
/// format(formatstr, VARIADIC args) as PostgreSQL does it: %s (text, NULL as empty), %I (quote_ident, NULL is
/// 22004), %L (quote_literal, NULL unquoted), %%, explicit positions (%2$s), the '-' flag and widths (also * and
/// *n$). Arguments arrive as text. A NULL format string gives NULL; other NULLs are values. Errors are 22023.
/// </summary>
internal static class FormatFunction
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a) => name == "format" && a.Count >= 1
        ? new FunctionExpression(name, SqlType.Text, a.Select(x => TypeUnification.To(x, SqlType.Text)).ToArray(), Evaluate)
        : null;

    private static void Evaluate(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        var output = new StringBuilder();
        foreach (var i in rows)
        {
            if (args[0].IsNull(i))
            {
                result.SetNull(i);
                continue;
            }
            output.Clear();
            Format(Encoding.UTF8.GetString(args[0].GetBytes(i)), args[1..], i, output);
            result.SetBytes(i, Encoding.UTF8.GetBytes(output.ToString()));
        }
    }

    private static void Format(string format, ReadOnlySpan<Vector> values, int row, StringBuilder output)
    {
        var next = 0;
        for (var p = 0; p < format.Length; p++)
        {
            if (format[p] != '%')
            {
                output.Append(format[p]);
                continue;
            }
            if (++p >= format.Length)
                throw Invalid("unterminated format() type specifier");
            if (format[p] == '%')
            {
                output.Append('%');
                continue;
            }
            var argument = Position(format, ref p);
            var leftAlign = false;
            while (p < format.Length && format[p] == '-')
            {
                leftAlign = true;
                p++;
            }
            int? width = null;
            if (p < format.Length && format[p] == '*')
            {
                p++;
                var widthArgument = Position(format, ref p) ?? next++;
                var w = Value(values, widthArgument, row);
                width = w is null ? 0 : int.TryParse(w, out var parsed) ? parsed : throw Invalid("width argument must be an integer");
                if (width < 0)
                {
                    leftAlign = true;
                    width = -width;
                }
            }
            else if (Digits(format, ref p) is { } digits)
            {
                width = digits;
            }
            if (p >= format.Length)
                throw Invalid("unterminated format() type specifier");
            var index = argument ?? next;
            next = index + 1;
            if (index >= values.Length)
                throw Invalid("too few arguments for format()");
            var value = Value(values, index, row);
            var text = format[p] switch
            {
                's' => value ?? string.Empty,
                'I' => CatalogTextFunctions.QuoteIdent(value ?? throw new ExecutionException(SqlState.NullValueNotAllowed, "null values cannot be formatted as an SQL identifier")),
                'L' => value is null ? "NULL" : QuoteLiteral(value),
                var other => throw Invalid($"unrecognized format() type specifier \"{other}\""),
            };
            if (width is { } pad && text.Length < pad)
                text = leftAlign ? text.PadRight(pad) : text.PadLeft(pad);
            output.Append(text);
        }
    }

    /// <summary>An explicit argument position n$ (1-based in the format, 0-based here), or null.</summary>
    private static int? Position(string format, ref int p)
    {
        var start = p;
        if (Digits(format, ref p) is { } n && p < format.Length && format[p] == '$')
        {
            p++;
            return n >= 1 ? n - 1 : throw Invalid("format specifies argument 0, but arguments are numbered from 1");
        }
        p = start;
        return null;
    }

    private static int? Digits(string format, ref int p)
    {
        var start = p;
        long n = 0;
        while (p < format.Length && char.IsAsciiDigit(format[p]))
        {
            n = (n * 10) + (format[p++] - '0');
            if (n > int.MaxValue)
                throw Invalid("number is out of range");
        }
        return p > start ? (int)n : null;
    }

    private static string? Value(ReadOnlySpan<Vector> values, int index, int row) =>
        index >= values.Length ? throw Invalid("too few arguments for format()")
        : values[index].IsNull(row) ? null : Encoding.UTF8.GetString(values[index].GetBytes(row));

    /// <summary>quote_literal: quotes doubled; with a backslash, E'' syntax and backslashes doubled.</summary>
    private static string QuoteLiteral(string value)
    {
        var quoted = value.Replace("'", "''", StringComparison.Ordinal);
        return value.Contains('\\', StringComparison.Ordinal)
            ? "E'" + quoted.Replace("\\", "\\\\", StringComparison.Ordinal) + "'"
            : "'" + quoted + "'";
    }

    private static ExecutionException Invalid(string message) => new(SqlState.InvalidParameterValue, message);
}
