using System.Text;
using System.Text.RegularExpressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// The POSIX regular-expression match operators ~, ~*, !~ and !~* (psql sends them for every \d pattern, pgJDBC
/// and Grafana in catalog filters). Patterns run on .NET's engine, which accepts the ARE subset clients send
/// (anchors, groups, classes, alternation) through <see cref="RegexCache"/>; subjects are decoded into pooled
/// buffers, not strings. "." matches a newline too, as in PostgreSQL's default (not newline-sensitive) mode.
/// </summary>
internal sealed class RegexMatch
{
    private readonly RegexCache _patterns = new();
    private readonly bool _caseInsensitive;
    private readonly bool _negated;

    private RegexMatch(bool caseInsensitive, bool negated)
    {
        _caseInsensitive = caseInsensitive;
        _negated = negated;
    }

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

    private Regex RegexFor(ReadOnlySpan<byte> pattern) =>
        _patterns.For(pattern, RegexOptions.Singleline | (_caseInsensitive ? RegexOptions.IgnoreCase : RegexOptions.None));

    private static bool IsMatch(Regex regex, ReadOnlySpan<byte> subject) => RegexCache.IsMatch(regex, subject);
}
