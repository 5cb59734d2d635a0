using System.Text;
using System.Text.RegularExpressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// regexp_replace(source, pattern, replacement [, flags]), regexp_like(source, pattern [, flags]) and
/// regexp_split_to_array(source, pattern [, flags]) (the positional ones are <see cref="RegexSearchFunctions"/>). PostgreSQL's conventions are translated to
/// .NET's: '.' matches a newline unless the n (or m) flag is given; the replacement's \1–\9 and \&amp; are group
/// references and \\ a backslash (a '$' is literal); flags g (every match), i, c, n/m, s, x; any other flag is 22023.
/// </summary>
internal static class RegexFunctions
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        var patterns = new RegexCache();
        switch (name)
        {
            case "regexp_replace" when a.Count is 3 or 4:
            {
                RowBody body = (v, result, row) =>
                {
                    var (options, global) = Flags(v.Length > 3 ? v[3].GetBytes(row) : []);
                    var regex = patterns.For(v[1].GetBytes(row), options);
                    var replacement = Replacement(Encoding.UTF8.GetString(v[2].GetBytes(row)));
                    var source = Encoding.UTF8.GetString(v[0].GetBytes(row));
                    result.SetBytes(row, Encoding.UTF8.GetBytes(Run(() => regex.Replace(source, replacement, global ? -1 : 1))));
                };
                return Texts(name, SqlType.Text, a, body);
            }
            case "regexp_like" when a.Count is 2 or 3:
            {
                RowBody body = (v, result, row) =>
                {
                    var (options, _) = Flags(v.Length > 2 ? v[2].GetBytes(row) : []);
                    result.Set(row, (byte)(RegexCache.IsMatch(patterns.For(v[1].GetBytes(row), options), v[0].GetBytes(row)) ? 1 : 0));
                };
                return Texts(name, SqlType.Bool, a, body);
            }
            case "regexp_split_to_array" when a.Count is 2 or 3:
                return new FunctionExpression(name, SqlType.ArrayOf(SqlType.Text), a.Select(x => TypeUnification.To(x, SqlType.Text)).ToArray(), (values, r, rows) =>
                {
                    // One writer per batch: the expression is shared by the parallel workers.
                    var array = new ArrayWriter(PhysicalType.VarBytes);
                    RowKernel.Each(values, r, rows, (v, result, row) =>
                    {
                        var (options, global) = Flags(v.Length > 2 ? v[2].GetBytes(row) : []);
                        if (global)
                            throw new ExecutionException(SqlState.InvalidParameterValue, "regexp_split_to_array() does not support the \"global\" option");
                        var regex = patterns.For(v[1].GetBytes(row), options);
                        var source = Encoding.UTF8.GetString(v[0].GetBytes(row));
                        TextArrays.Write(array, Run(() => Split(regex, source)), result, row);
                    });
                });
            default:
                return null;
        }
    }

    /// <summary>PostgreSQL's regexp_split: the text between matches; a zero-length match at either end of the text
    /// or right after the previous match splits nothing, and capture groups add no pieces (unlike Regex.Split).</summary>
    private static List<string> Split(Regex regex, string source)
    {
        var pieces = new List<string>();
        var start = 0;
        for (var match = regex.Match(source); match.Success; match = match.NextMatch())
        {
            if (match.Length == 0 && (match.Index == 0 || match.Index >= source.Length || match.Index == start))
                continue;
            pieces.Add(source[start..match.Index]);
            start = match.Index + match.Length;
        }
        pieces.Add(source[start..]);
        return pieces;
    }

    private static FunctionExpression Texts(string name, SqlType type, IReadOnlyList<Expression> a, RowBody body) =>
        new(name, type, a.Select(x => TypeUnification.To(x, SqlType.Text)).ToArray(), (values, r, rows) => RowKernel.Each(values, r, rows, body));

    internal static T Run<T>(Func<T> match)
    {
        try
        {
            return match();
        }
        catch (RegexMatchTimeoutException)
        {
            throw RegexCache.TimedOut();
        }
    }

    internal static (RegexOptions Options, bool Global) Flags(ReadOnlySpan<byte> flags)
    {
        // PostgreSQL's ARE: '.' and bracket expressions match a newline unless newline-sensitive (n).
        var options = RegexOptions.Singleline;
        var global = false;
        foreach (var flag in flags)
        {
            switch ((char)flag)
            {
                case 'g': global = true; break;
                case 'i': options |= RegexOptions.IgnoreCase; break;
                case 'c': options &= ~RegexOptions.IgnoreCase; break;
                case 'n' or 'm': options = (options & ~RegexOptions.Singleline) | RegexOptions.Multiline; break;
                case 's': options = (options | RegexOptions.Singleline) & ~RegexOptions.Multiline; break;
                case 'x': options |= RegexOptions.IgnorePatternWhitespace; break;
                default:
                    throw new ExecutionException(SqlState.InvalidParameterValue, $"invalid regular expression option: \"{(char)flag}\"");
            }
        }
        return (options, global);
    }

    /// <summary>PostgreSQL's replacement syntax in .NET's: \n → ${n}, \&amp; → $&amp;, \\ → \, $ → $$.</summary>
    internal static string Replacement(string text)
    {
        var output = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if (next is >= '1' and <= '9')
                    output.Append("${").Append(next).Append('}');
                else if (next == '&')
                    output.Append("$&");
                else
                    output.Append(next == '$' ? "$$" : next.ToString());
                i++;
            }
            else
            {
                output.Append(c == '$' ? "$$" : c.ToString());
            }
        }
        return output.ToString();
    }
}
