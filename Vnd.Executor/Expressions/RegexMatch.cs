using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// The POSIX regular-expression match operators ~, ~*, !~ and !~* (psql sends them for every \d pattern, pgJDBC
/// and Grafana in catalog filters). Patterns run on .NET's engine, which accepts the ARE subset clients send
/// (anchors, groups, classes, alternation). The compiled pattern is kept while the pattern text stays the same,
/// so a constant pattern compiles once per query; subjects are decoded into pooled buffers, not strings.
/// </summary>
internal sealed class RegexMatch
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private readonly bool _caseInsensitive;
    private readonly bool _negated;
    private Compiled? _last;

    private RegexMatch(bool caseInsensitive, bool negated)
    {
        _caseInsensitive = caseInsensitive;
        _negated = negated;
    }

    private sealed record Compiled(byte[] Pattern, Regex Regex);

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        if (a.Count != 2 || name is not ("~" or "~*" or "!~" or "!~*"))
            return null;
        var match = new RegexMatch(name.EndsWith('*'), name.StartsWith('!'));
        return new FunctionExpression(name, SqlType.Bool, [TypeUnification.To(a[0], SqlType.Text), TypeUnification.To(a[1], SqlType.Text)], match.Evaluate);
    }

    private void Evaluate(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        foreach (var i in rows)
        {
            if (RowKernel.AnyNull(args, i))
            {
                result.SetNull(i);
                continue;
            }
            var matched = IsMatch(RegexFor(args[1].GetBytes(i)), args[0].GetBytes(i));
            result.Set(i, (byte)(matched != _negated ? 1 : 0));
        }
    }

    private Regex RegexFor(ReadOnlySpan<byte> pattern)
    {
        var last = _last;
        if (last is not null && pattern.SequenceEqual(last.Pattern))
            return last.Regex;
        var options = RegexOptions.CultureInvariant | (_caseInsensitive ? RegexOptions.IgnoreCase : RegexOptions.None);
        var text = Encoding.UTF8.GetString(pattern);
        try
        {
            last = new Compiled(pattern.ToArray(), new Regex(text, options, MatchTimeout));
        }
        catch (ArgumentException e)
        {
            throw new ExecutionException("2201B", $"invalid regular expression: {e.Message}");
        }
        _last = last;
        return last.Regex;
    }

    private static bool IsMatch(Regex regex, ReadOnlySpan<byte> subject)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(subject.Length));
        try
        {
            var length = Encoding.UTF8.GetChars(subject, buffer);
            return regex.IsMatch(buffer.AsSpan(0, length));
        }
        catch (RegexMatchTimeoutException)
        {
            throw new ExecutionException(SqlState.QueryCanceled, "canceling statement due to regular expression match timeout");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
