using System.Globalization;
using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// PostgreSQL's character-editing functions: left, right, lpad, rpad, reverse, repeat, initcap, translate,
/// starts_with, chr, ascii, bit_length, to_hex, overlay, quote_literal, quote_nullable. Lengths and
/// positions count characters (code points), not bytes or UTF-16 units, as PostgreSQL does in a UTF8 database.
/// </summary>
internal static class TextEditFunctions
{
    /// <summary>PostgreSQL refuses values over 1 GB; the same bound keeps repeat/lpad from exhausting memory.</summary>
    private const long MaxBytes = (1L << 30) - 1;

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        switch (name)
        {
            case "left" or "right" when a.Count == 2:
                var fromLeft = name == "left";
                return TextInt(name, a, (args, r, i) => r.SetBytes(i, Utf8(Cut(Runes(args[0], i), args[1].Get<int>(i), fromLeft))));
            case "lpad" or "rpad" when a.Count is 2 or 3:
                var leftPad = name == "lpad";
                return new FunctionExpression(name, SqlType.Text, [Text(a[0]), Int(a[1]), .. a.Skip(2).Select(Text)],
                    (args, r, rows) => RowKernel.Each(args, r, rows, (args, r, i) => r.SetBytes(i, Pad(args, i, leftPad))));
            case "reverse" when a.Count == 1:
                return Row(name, SqlType.Text, [Text(a[0])], static (args, r, i) =>
                {
                    var runes = Runes(args[0], i);
                    Array.Reverse(runes);
                    r.SetBytes(i, Utf8(runes));
                });
            case "repeat" when a.Count == 2:
                return TextInt(name, a, static (args, r, i) => r.SetBytes(i, Repeat(args[0].GetBytes(i), args[1].Get<int>(i))));
            case "initcap" when a.Count == 1:
                return Row(name, SqlType.Text, [Text(a[0])], static (args, r, i) => r.SetBytes(i, Utf8(InitCap(Runes(args[0], i)))));
            case "translate" when a.Count == 3:
                return Row(name, SqlType.Text, [.. a.Select(Text)], static (args, r, i) =>
                    r.SetBytes(i, Utf8(Translate(Runes(args[0], i), Runes(args[1], i), Runes(args[2], i)))));
            case "starts_with" or "^@" when a.Count == 2:
                return Row(name, SqlType.Bool, [Text(a[0]), Text(a[1])], static (args, r, i) =>
                    r.Set(i, (byte)(args[0].GetBytes(i).StartsWith(args[1].GetBytes(i)) ? 1 : 0)));
            case "chr" when a.Count == 1:
                return Row(name, SqlType.Text, [Int(a[0])], static (args, r, i) => r.SetBytes(i, Chr(args[0].Get<int>(i))));
            case "ascii" when a.Count == 1:
                return Row(name, SqlType.Int4, [Text(a[0])], static (args, r, i) =>
                    r.Set(i, Rune.DecodeFromUtf8(args[0].GetBytes(i), out var rune, out _) == System.Buffers.OperationStatus.Done ? rune.Value : 0));
            case "bit_length" when a.Count == 1 && a[0].Type.Id is not TypeId.Bytea:
                return Row(name, SqlType.Int4, [Text(a[0])], static (args, r, i) => r.Set(i, args[0].GetBytes(i).Length * 8));
            case "to_hex" when a.Count == 1 && a[0].Type.Id is TypeId.Int8:
                return Row(name, SqlType.Text, [a[0]], static (args, r, i) =>
                    r.SetBytes(i, Encoding.ASCII.GetBytes(args[0].Get<long>(i).ToString("x", CultureInfo.InvariantCulture))));
            case "to_hex" when a.Count == 1:
                return Row(name, SqlType.Text, [Int(a[0])], static (args, r, i) =>
                    r.SetBytes(i, Encoding.ASCII.GetBytes(args[0].Get<int>(i).ToString("x", CultureInfo.InvariantCulture))));
            case "overlay" when a.Count is 3 or 4 && a[0].Type.Id is not TypeId.Bytea:
                return new FunctionExpression(name, SqlType.Text, [Text(a[0]), Text(a[1]), .. a.Skip(2).Select(Int)],
                    (args, r, rows) => RowKernel.Each(args, r, rows, static (args, r, i) => r.SetBytes(i, Utf8(Overlay(args, i)))));
            case "quote_literal" when a.Count == 1:
                return Row(name, SqlType.Text, [Text(a[0])], static (args, r, i) => r.SetBytes(i, QuoteLiteral(args[0].GetBytes(i))));
            case "quote_nullable" when a.Count == 1:
                // Not NULL-propagating: a NULL argument quotes as the word NULL.
                return new FunctionExpression(name, SqlType.Text, [Text(a[0])], static (args, r, rows) =>
                {
                    RowKernel.Prepare(args, r);
                    foreach (var i in rows)
                        r.SetBytes(i, args[0].IsNull(i) ? "NULL"u8 : QuoteLiteral(args[0].GetBytes(i)));
                });
            default:
                return null;
        }
    }

    private static Rune[] Runes(Vector v, int row)
    {
        var bytes = v.GetBytes(row);
        var runes = new List<Rune>(bytes.Length);
        while (!bytes.IsEmpty)
        {
            Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            runes.Add(rune);
            bytes = bytes[consumed..];
        }
        return [.. runes];
    }

    private static byte[] Utf8(ReadOnlySpan<Rune> runes)
    {
        var length = 0;
        foreach (var rune in runes)
            length += rune.Utf8SequenceLength;
        var bytes = new byte[length];
        var at = 0;
        foreach (var rune in runes)
            at += rune.EncodeToUtf8(bytes.AsSpan(at));
        return bytes;
    }

    /// <summary>left/right: the first (last) n characters; a negative n means all but the last (first) |n|.</summary>
    private static ReadOnlySpan<Rune> Cut(Rune[] s, int n, bool fromLeft)
    {
        var keep = n >= 0 ? Math.Min(n, s.Length) : Math.Max(0, s.Length + Math.Max(n, -s.Length));
        return fromLeft ? s.AsSpan(0, keep) : s.AsSpan(s.Length - keep);
    }

    /// <summary>lpad/rpad: fills to <c>length</c> characters (default fill a space) or truncates on the right.</summary>
    private static byte[] Pad(ReadOnlySpan<Vector> args, int i, bool left)
    {
        var s = Runes(args[0], i);
        var length = Math.Max(0, args[1].Get<int>(i));
        var fill = args.Length > 2 ? Runes(args[2], i) : [new Rune(' ')];
        if (length <= s.Length || fill.Length == 0)
            return Utf8(s.AsSpan(0, Math.Min(length, s.Length)));
        if ((long)length * 4 > MaxBytes)
            throw TooLarge();
        var padded = new Rune[length];
        var padding = length - s.Length;
        var start = left ? 0 : s.Length;
        for (var k = 0; k < padding; k++)
            padded[start + k] = fill[k % fill.Length];
        s.CopyTo(padded, left ? padding : 0);
        return Utf8(padded);
    }

    private static byte[] Repeat(ReadOnlySpan<byte> s, int count)
    {
        if (count <= 0 || s.IsEmpty)
            return [];
        if ((long)s.Length * count > MaxBytes)
            throw TooLarge();
        var result = new byte[s.Length * count];
        for (var k = 0; k < count; k++)
            s.CopyTo(result.AsSpan(k * s.Length));
        return result;
    }

    /// <summary>The first letter of each run of letters and digits upper case, the rest lower case.</summary>
    private static Rune[] InitCap(Rune[] s)
    {
        var inWord = false;
        for (var k = 0; k < s.Length; k++)
        {
            s[k] = inWord ? Rune.ToLowerInvariant(s[k]) : Rune.ToUpperInvariant(s[k]);
            inWord = Rune.IsLetterOrDigit(s[k]);
        }
        return s;
    }

    /// <summary>Each character found in <paramref name="from"/> becomes the one at the same place in
    /// <paramref name="to"/>, or is dropped when <paramref name="to"/> is shorter; the first occurrence in from wins.</summary>
    private static Rune[] Translate(Rune[] s, Rune[] from, Rune[] to)
    {
        var result = new List<Rune>(s.Length);
        foreach (var c in s)
        {
            var at = Array.IndexOf(from, c);
            if (at < 0)
                result.Add(c);
            else if (at < to.Length)
                result.Add(to[at]);
        }
        return [.. result];
    }

    private static byte[] Chr(int code)
    {
        if (code < 0)
            throw new ExecutionException(SqlState.InvalidParameterValue, "character number must be positive");
        if (code == 0)
            throw new ExecutionException(SqlState.ProgramLimitExceeded, "null character not permitted");
        if (code > 0x10FFFF)
            throw new ExecutionException(SqlState.ProgramLimitExceeded, $"requested character too large for encoding: {code}");
        if (!Rune.IsValid(code))
            throw new ExecutionException(SqlState.ProgramLimitExceeded, $"requested character not valid for encoding: {code}");
        return Utf8([new Rune(code)]);
    }

    /// <summary>overlay(s placing p from n [for m]): s's first n − 1 characters, p, then s from character n + m
    /// (m defaults to p's length; PostgreSQL accepts a negative m).</summary>
    private static ReadOnlySpan<Rune> Overlay(ReadOnlySpan<Vector> args, int i)
    {
        var s = Runes(args[0], i);
        var placing = Runes(args[1], i);
        var from = args[2].Get<int>(i);
        var count = args.Length > 3 ? args[3].Get<int>(i) : placing.Length;
        if (from < 1)
            throw new ExecutionException(SqlState.SubstringError, "negative substring length not allowed");
        var head = Math.Min(from - 1, s.Length);
        // A negative count is allowed and repeats characters: the tail starts before the head ends.
        var tail = Math.Max(0, (long)from - 1 + count);
        var result = new List<Rune>(s.Length + placing.Length);
        result.AddRange(s.AsSpan(0, head));
        result.AddRange(placing);
        if (tail < s.Length)
            result.AddRange(s.AsSpan((int)tail));
        return result.ToArray();
    }

    /// <summary>'…' with quotes doubled; a value holding a backslash becomes E'…' with backslashes doubled too.</summary>
    private static byte[] QuoteLiteral(ReadOnlySpan<byte> s)
    {
        var escaped = s.Contains((byte)'\\');
        var result = new List<byte>(s.Length + 3);
        if (escaped)
            result.Add((byte)'E');
        result.Add((byte)'\'');
        foreach (var b in s)
        {
            if (b == '\'' || (b == '\\' && escaped))
                result.Add(b);
            result.Add(b);
        }
        result.Add((byte)'\'');
        return [.. result];
    }

    private static ExecutionException TooLarge() => new(SqlState.ProgramLimitExceeded, "requested length too large");

    private static Expression Text(Expression e) => TypeUnification.To(e, SqlType.Text);

    private static Expression Int(Expression e) => TypeUnification.To(e, SqlType.Int4);

    private static Expression TextInt(string name, IReadOnlyList<Expression> a, RowBody body) => Row(name, SqlType.Text, [Text(a[0]), Int(a[1])], body);

    private static Expression Row(string name, SqlType type, Expression[] a, RowBody body) =>
        new FunctionExpression(name, type, a, (args, r, rows) => RowKernel.Each(args, r, rows, body));
}
