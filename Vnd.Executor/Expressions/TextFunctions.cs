using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>String functions over UTF-8 vectors. Positions and lengths count characters, as PostgreSQL's do.</summary>
internal static class TextFunctions
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        switch (name)
        {
            case "length" or "char_length" or "character_length" when a.Count == 1 && a[0].Type.Id != TypeId.Bytea:
                return Text(name, SqlType.Int4, a, static (args, r, rows) => RowKernel.Each(args, r, rows, static (args, r, i) => r.Set(i, TextKernels.CharCount(args[0].GetBytes(i)))));
            case "octet_length" when a.Count == 1 && a[0].Type.Id != TypeId.Bytea:
                return Text(name, SqlType.Int4, a, static (args, r, rows) => RowKernel.Each(args, r, rows, static (args, r, i) => r.Set(i, args[0].GetBytes(i).Length)));
            case "lower" or "upper" when a.Count == 1:
                var upper = name == "upper";
                return Text(name, SqlType.Text, a, (args, r, rows) =>
                {
                    RowKernel.Prepare(args, r);
                    TextKernels.ChangeCase(args[0], r, rows, upper);
                });
            case "substr" or "substring" when a.Count is 2 or 3 && a[1].Type.Id != TypeId.Text:
                return new FunctionExpression(name, SqlType.Text, Args(a, SqlType.Text, SqlType.Int4, SqlType.Int4), static (args, r, rows) => RowKernel.Each(args, r, rows, Substring));
            case "position" or "strpos" when a.Count == 2:
                // position(sub IN s) is bound as PostgreSQL does, position(s, sub): the same argument order as strpos.
                return Text(name, SqlType.Int4, a, static (args, r, rows) => RowKernel.Each(args, r, rows, static (args, r, i) =>
                {
                    var s = args[0].GetBytes(i);
                    var index = s.IndexOf(args[1].GetBytes(i));
                    r.Set(i, index < 0 ? 0 : TextKernels.CharCount(s[..index]) + 1);
                }));
            case "replace" when a.Count == 3:
                return Text(name, SqlType.Text, a, static (args, r, rows) => RowKernel.Each(args, r, rows, Replace));
            case "concat":
                return new FunctionExpression(name, SqlType.Text, a.Select(x => TypeUnification.To(x, SqlType.Text)).ToArray(), Concat);
            case "concat_ws" when a.Count >= 1:
                return new FunctionExpression(name, SqlType.Text, a.Select(x => TypeUnification.To(x, SqlType.Text)).ToArray(), ConcatWs);
            case "textcat" when a.Count == 2:
                return Text(name, SqlType.Text, a, static (args, r, rows) => RowKernel.Each(args, r, rows, static (args, r, i) => Append(r, i, args)));
            default:
                return null;
        }
    }

    private static Expression Text(string name, SqlType type, IReadOnlyList<Expression> a, FunctionKernel kernel) =>
        new FunctionExpression(name, type, a.Select(x => TypeUnification.To(x, SqlType.Text)).ToArray(), kernel);

    private static Expression[] Args(IReadOnlyList<Expression> a, params SqlType[] types) =>
        a.Select((x, i) => TypeUnification.To(x, types[i])).ToArray();


    /// <summary>substr(s, from [, count]) with PostgreSQL's handling of starts before 1 and negative counts.</summary>
    private static void Substring(ReadOnlySpan<Vector> args, Vector result, int i)
    {
        var s = args[0].GetBytes(i);
        long start = args[1].Get<int>(i);
        long end = long.MaxValue;
        if (args.Length == 3)
        {
            var count = args[2].Get<int>(i);
            if (count < 0)
                throw new ExecutionException(SqlState.SubstringError, "negative substring length not allowed");
            end = start + count;
        }
        var from = (int)Math.Clamp(start - 1, 0, int.MaxValue);
        var to = (int)Math.Clamp(end - 1, 0, int.MaxValue);
        var a = TextKernels.ByteOffset(s, from);
        var b = TextKernels.ByteOffset(s, to);
        result.SetBytes(i, b > a ? s[a..b] : []);
    }

    private static void Replace(ReadOnlySpan<Vector> args, Vector result, int i)
    {
        var s = args[0].GetBytes(i);
        var from = args[1].GetBytes(i);
        var to = args[2].GetBytes(i);
        if (from.IsEmpty)
        {
            result.SetBytes(i, s);
            return;
        }
        var occurrences = 0;
        for (var rest = s; rest.IndexOf(from) is var k and >= 0; rest = rest[(k + from.Length)..])
            occurrences++;
        var output = result.ReserveBytes(i, s.Length + (occurrences * (to.Length - from.Length)));
        var w = 0;
        while (s.IndexOf(from) is var k and >= 0)
        {
            s[..k].CopyTo(output[w..]);
            w += k;
            to.CopyTo(output[w..]);
            w += to.Length;
            s = s[(k + from.Length)..];
        }
        s.CopyTo(output[w..]);
    }

    private static void Append(Vector result, int i, ReadOnlySpan<Vector> parts)
    {
        var length = 0;
        foreach (var p in parts)
            length += p.IsNull(i) ? 0 : p.GetBytes(i).Length;
        var output = result.ReserveBytes(i, length);
        foreach (var p in parts)
        {
            if (p.IsNull(i))
                continue;
            var bytes = p.GetBytes(i);
            bytes.CopyTo(output);
            output = output[bytes.Length..];
        }
    }

    /// <summary>concat(...): NULL arguments are skipped, the result is never NULL.</summary>
    private static void Concat(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        foreach (var i in rows)
            Append(result, i, args);
    }

    /// <summary>concat_ws(sep, ...): NULL arguments are skipped; NULL only when the separator is.</summary>
    private static void ConcatWs(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        var parts = args[1..];
        foreach (var i in rows)
        {
            if (args[0].IsNull(i))
            {
                result.SetNull(i);
                continue;
            }
            var separator = args[0].GetBytes(i);
            var length = 0;
            var present = 0;
            foreach (var p in parts)
            {
                if (!p.IsNull(i))
                {
                    length += p.GetBytes(i).Length;
                    present++;
                }
            }
            var output = result.ReserveBytes(i, length + (Math.Max(0, present - 1) * separator.Length));
            var first = true;
            foreach (var p in parts)
            {
                if (p.IsNull(i))
                    continue;
                if (!first)
                {
                    separator.CopyTo(output);
                    output = output[separator.Length..];
                }
                first = false;
                var bytes = p.GetBytes(i);
                bytes.CopyTo(output);
                output = output[bytes.Length..];
            }
        }
    }

    internal static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
