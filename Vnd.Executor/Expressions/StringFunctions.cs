using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// btrim/ltrim/rtrim (TRIM), md5, split_part and LIKE/ILIKE with an ESCAPE character (the regular expression
/// operators are <see cref="RegexMatch"/>). Row bodies run on the slow path of strings anyway.
/// </summary>
internal static class StringFunctions
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        switch (name)
        {
            case "btrim" or "ltrim" or "rtrim" when a.Count is 1 or 2:
                var left = name != "rtrim";
                var right = name != "ltrim";
                return Row(name, SqlType.Text, a, (args, r, i) => r.SetBytes(i, Encoding.UTF8.GetBytes(Trim(args, i, left, right))));
            case "md5" when a.Count == 1 && a[0].Type.Id != TypeId.Bytea:
                return Row(name, SqlType.Text, a, static (args, r, i) =>
                    r.SetBytes(i, Encoding.ASCII.GetBytes(Convert.ToHexStringLower(MD5.HashData(args[0].GetBytes(i))))));
            case "split_part" when a.Count == 3:
                return new FunctionExpression(name, SqlType.Text, [Text(a[0]), Text(a[1]), TypeUnification.To(a[2], SqlType.Int4)],
                    (args, r, rows) => RowKernel.Each(args, r, rows, SplitPart));
            case "like" or "ilike" when a.Count == 3 && a[1] is ConstantExpression { Value: string pattern } && a[2] is ConstantExpression { Value: string escape }:
                return Expr.Like(a[0], Expr.Constant(WithBackslashEscape(pattern, escape), SqlType.Text), caseInsensitive: name == "ilike");
            default:
                return null;
        }
    }

    /// <summary>Rewrites a LIKE pattern using <paramref name="escape"/> into the default backslash form.</summary>
    private static string WithBackslashEscape(string pattern, string escape)
    {
        if (escape.Length == 0)
            return pattern.Replace("\\", "\\\\", StringComparison.Ordinal);
        if (escape.Length != 1)
            throw new ExecutionException(SqlState.InvalidEscapeSequence, "invalid escape string");
        var sb = new StringBuilder();
        for (var k = 0; k < pattern.Length; k++)
        {
            var c = pattern[k];
            if (c == escape[0] && k + 1 < pattern.Length)
                sb.Append('\\').Append(pattern[++k]);
            else
                sb.Append(c == '\\' ? "\\\\" : c);
        }
        return sb.ToString();
    }

    private static string Trim(ReadOnlySpan<Vector> args, int i, bool left, bool right)
    {
        var s = Encoding.UTF8.GetString(args[0].GetBytes(i));
        var chars = args.Length > 1 ? Encoding.UTF8.GetString(args[1].GetBytes(i)).ToCharArray() : [' '];
        // An empty set trims nothing in PostgreSQL; .NET's Trim(char[]) reads an empty array as "whitespace".
        if (chars.Length == 0)
            return s;
        return left && right ? s.Trim(chars) : left ? s.TrimStart(chars) : s.TrimEnd(chars);
    }

    private static void SplitPart(ReadOnlySpan<Vector> args, Vector result, int i)
    {
        var s = Encoding.UTF8.GetString(args[0].GetBytes(i));
        var delimiter = Encoding.UTF8.GetString(args[1].GetBytes(i));
        var field = args[2].Get<int>(i);
        if (field == 0)
            throw new ExecutionException(SqlState.InvalidParameterValue, "field position must not be zero");
        var parts = delimiter.Length == 0 ? [s] : s.Split(delimiter);
        var index = field > 0 ? field - 1 : parts.Length + field;
        result.SetBytes(i, index >= 0 && index < parts.Length ? Encoding.UTF8.GetBytes(parts[index]) : []);
    }

    private static Expression Text(Expression e) => TypeUnification.To(e, SqlType.Text);

    private static Expression Row(string name, SqlType type, IReadOnlyList<Expression> a, RowBody body) =>
        new FunctionExpression(name, type, a.Select(Text).ToArray(), (args, r, rows) => RowKernel.Each(args, r, rows, body));
}
