using System.Text;
using System.Text.RegularExpressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// PostgreSQL 15's positional regular-expression functions in all their arities:
/// regexp_count(s, p [, start [, flags]]), regexp_instr(s, p [, start [, N [, endoption [, flags [, subexpr]]]]]),
/// regexp_substr(s, p [, start [, N [, flags [, subexpr]]]]), regexp_match(s, p [, flags]) (a text[] of the capture
/// groups, or of the whole match when there are none) and regexp_replace(s, p, r, start [, N [, flags]]).
/// Positions count characters (code points) from 1, as PostgreSQL's do; the search starts at start but anchors and
/// lookbehind still see the whole text. A start below 1, N below 1 (0 for regexp_replace's "every match") or a
/// negative subexpr is 22023, and only regexp_replace accepts the g flag. substring(s FROM pattern) and
/// substring(s SIMILAR pattern ESCAPE e) are the regular-expression forms of substring.
/// </summary>
internal static class RegexSearchFunctions
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        var patterns = new RegexCache();
        switch (name)
        {
            case "regexp_count" when a.Count is >= 2 and <= 4:
                return Call(name, SqlType.Int4, a, [Text, Text, Int, Text], (v, result, row) =>
                {
                    var (regex, source, start) = Search(name, patterns, v, row, startAt: 2, flagsAt: 3);
                    result.Set(row, Run(() => Count(regex, source, start)));
                });
            case "regexp_instr" when a.Count is >= 2 and <= 7:
                return Call(name, SqlType.Int4, a, [Text, Text, Int, Int, Int, Text, Int], (v, result, row) =>
                {
                    var (regex, source, start) = Search(name, patterns, v, row, startAt: 2, flagsAt: 5);
                    var n = Positive(v, row, 3, "n");
                    var end = v.Length > 4 && v[4].Get<int>(row) != 0;
                    var group = Subexpression(v, row, 6);
                    var match = Run(() => Nth(regex, source, start, n));
                    if (match is null || group >= match.Groups.Count || !match.Groups[group].Success)
                    {
                        result.Set(row, 0);
                        return;
                    }
                    var found = match.Groups[group];
                    result.Set(row, CodePoints.Before(source, end ? found.Index + found.Length : found.Index) + 1);
                });
            case "regexp_substr" when a.Count is >= 2 and <= 6:
                return Call(name, SqlType.Text, a, [Text, Text, Int, Int, Text, Int], (v, result, row) =>
                {
                    var (regex, source, start) = Search(name, patterns, v, row, startAt: 2, flagsAt: 4);
                    var n = Positive(v, row, 3, "n");
                    var group = Subexpression(v, row, 5);
                    var match = Run(() => Nth(regex, source, start, n));
                    if (match is null || group >= match.Groups.Count || !match.Groups[group].Success)
                        result.SetNull(row);
                    else
                        result.SetBytes(row, Encoding.UTF8.GetBytes(match.Groups[group].Value));
                });
            case "regexp_match" when a.Count is 2 or 3:
                return new FunctionExpression(name, SqlType.ArrayOf(SqlType.Text), Coerced(a, [Text, Text, Text]), (values, r, rows) =>
                {
                    // One writer per batch: the expression is shared by the parallel workers.
                    var array = new ArrayWriter(PhysicalType.VarBytes);
                    RowKernel.Each(values, r, rows, (v, result, row) =>
                    {
                        var (regex, source, _) = Search(name, patterns, v, row, startAt: -1, flagsAt: 2);
                        var match = Run(() => regex.Match(source));
                        if (!match.Success)
                        {
                            result.SetNull(row);
                            return;
                        }
                        WriteGroups(match, array);
                        array.WriteTo(result, row);
                    });
                });
            case "substring" when a.Count is 2 or 3 && a[1].Type.Id == TypeId.Text:
            {
                // substring(s FROM pattern) searches with the pattern as ~ does; substring(s SIMILAR p ESCAPE e) with
                // the SQL pattern translated as similar_to_escape does. Either gives capture group 1 when there is one.
                var similar = a.Count == 3;
                return Call(name, SqlType.Text, a, [Text, Text, Text], (v, result, row) =>
                {
                    var pattern = similar
                        ? Encoding.UTF8.GetBytes(SimilarToPattern.ToRegex(Encoding.UTF8.GetString(v[1].GetBytes(row)), Encoding.UTF8.GetString(v[2].GetBytes(row))))
                        : v[1].GetBytes(row).ToArray();
                    var regex = patterns.For(pattern, RegexFunctions.Flags([]).Options);
                    var source = Encoding.UTF8.GetString(v[0].GetBytes(row));
                    var match = Run(() => regex.Match(source));
                    var found = match.Groups.Count > 1 ? match.Groups[1] : match;
                    if (!match.Success || !found.Success)
                        result.SetNull(row);
                    else
                        result.SetBytes(row, Encoding.UTF8.GetBytes(found.Value));
                });
            }
            case "regexp_replace" when a.Count is 4 or 5 or 6 && a[3].Type.Id != TypeId.Text:
                return Call(name, SqlType.Text, a, [Text, Text, Text, Int, Int, Text], (v, result, row) =>
                {
                    var (options, global) = RegexFunctions.Flags(v.Length > 5 ? v[5].GetBytes(row) : []);
                    var regex = patterns.For(v[1].GetBytes(row), options);
                    var source = Encoding.UTF8.GetString(v[0].GetBytes(row));
                    var start = Start(v, row, 3, source);
                    var n = v.Length > 4 ? v[4].Get<int>(row) : global ? 0 : 1;
                    if (n < 0)
                        throw InvalidParameter("n", n);
                    var replacement = RegexFunctions.Replacement(Encoding.UTF8.GetString(v[2].GetBytes(row)));
                    result.SetBytes(row, Encoding.UTF8.GetBytes(Run(() => Replace(regex, source, replacement, start, n))));
                });
            default:
                return null;
        }
    }

    /// <summary>The groups of one match as PostgreSQL's regexp_match/regexp_matches give them: the capture groups (an
    /// unmatched one as NULL), or the whole match when the pattern has none.</summary>
    public static void WriteGroups(Match match, ArrayWriter array)
    {
        array.Begin();
        if (match.Groups.Count == 1)
        {
            array.AddBytes(Encoding.UTF8.GetBytes(match.Value));
            return;
        }
        for (var g = 1; g < match.Groups.Count; g++)
        {
            if (match.Groups[g].Success)
                array.AddBytes(Encoding.UTF8.GetBytes(match.Groups[g].Value));
            else
                array.AddNull();
        }
    }

    private static readonly SqlType Text = SqlType.Text;
    private static readonly SqlType Int = SqlType.Int4;

    /// <summary>The compiled pattern, the decoded text and the UTF-16 index the search starts at.</summary>
    private static (Regex Regex, string Source, int Start) Search(string name, RegexCache patterns, ReadOnlySpan<Vector> v, int row, int startAt, int flagsAt)
    {
        var (options, global) = RegexFunctions.Flags(v.Length > flagsAt ? v[flagsAt].GetBytes(row) : []);
        if (global)
            throw new ExecutionException(SqlState.InvalidParameterValue, $"{name}() does not support the \"global\" option");
        var source = Encoding.UTF8.GetString(v[0].GetBytes(row));
        var regex = patterns.For(v[1].GetBytes(row), options);
        return (regex, source, startAt >= 0 ? Start(v, row, startAt, source) : 0);
    }

    private static int Start(ReadOnlySpan<Vector> v, int row, int at, string source)
    {
        if (v.Length <= at)
            return 0;
        var start = v[at].Get<int>(row);
        if (start <= 0)
            throw InvalidParameter("start", start);
        return CodePoints.IndexOf(source, start - 1);
    }

    private static int Positive(ReadOnlySpan<Vector> v, int row, int at, string parameter)
    {
        if (v.Length <= at)
            return 1;
        var value = v[at].Get<int>(row);
        return value > 0 ? value : throw InvalidParameter(parameter, value);
    }

    private static int Subexpression(ReadOnlySpan<Vector> v, int row, int at)
    {
        if (v.Length <= at)
            return 0;
        var value = v[at].Get<int>(row);
        return value >= 0 ? value : throw InvalidParameter("subexpr", value);
    }

    private static ExecutionException InvalidParameter(string parameter, int value) =>
        new(SqlState.InvalidParameterValue, $"invalid value for parameter \"{parameter}\": {value}");

    private static int Count(Regex regex, string source, int start)
    {
        var count = 0;
        for (var match = regex.Match(source, start); match.Success; match = After(regex, source, match))
            count++;
        return count;
    }

    /// <summary>The n-th match at or after <paramref name="start"/> (non-overlapping), or null.</summary>
    private static Match? Nth(Regex regex, string source, int start, int n)
    {
        for (var match = regex.Match(source, start); match.Success; match = After(regex, source, match))
        {
            if (--n == 0)
                return match;
        }
        return null;
    }

    /// <summary>The match after <paramref name="match"/>; an empty match moves on one character, as PostgreSQL's
    /// search does, so an empty pattern counts every position once.</summary>
    internal static Match After(Regex regex, string source, Match match)
    {
        var at = match.Index + match.Length;
        if (match.Length == 0)
        {
            if (at >= source.Length)
                return Match.Empty;
            at += char.IsHighSurrogate(source[at]) && at + 1 < source.Length ? 2 : 1;
        }
        return regex.Match(source, at);
    }

    /// <summary>Replaces the n-th match at or after start, or every one when n is 0.</summary>
    private static string Replace(Regex regex, string source, string replacement, int start, int n)
    {
        var output = new StringBuilder(source.Length);
        output.Append(source, 0, start);
        var copied = start;
        var seen = 0;
        for (var match = regex.Match(source, start); match.Success; match = After(regex, source, match))
        {
            if (n != 0 && ++seen != n)
                continue;
            output.Append(source, copied, match.Index - copied).Append(match.Result(replacement));
            copied = match.Index + match.Length;
            if (n != 0)
                break;
        }
        return output.Append(source, copied, source.Length - copied).ToString();
    }

    private static T Run<T>(Func<T> search) => RegexFunctions.Run(search);

    private static FunctionExpression Call(string name, SqlType type, IReadOnlyList<Expression> a, SqlType[] parameters, RowBody body) =>
        new(name, type, Coerced(a, parameters), (values, r, rows) => RowKernel.Each(values, r, rows, body));

    private static Expression[] Coerced(IReadOnlyList<Expression> a, SqlType[] parameters) =>
        a.Select((x, i) => TypeUnification.To(x, parameters[i])).ToArray();
}
