using System.Text;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// similar_to_escape(pattern [, escape]): a SQL SIMILAR TO pattern as the anchored regular expression PostgreSQL's
/// similar_escape_internal builds (% → .*, _ → ., ( → (?:, . ^ $ \ quoted, bracket expressions passed through, the
/// escape character quoting the next one; the whole wrapped in ^(?: … )$). The default escape is a backslash; an
/// empty escape means none.
/// </summary>
internal static class SimilarToPattern
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        if (name != "similar_to_escape" || a.Count is not (1 or 2))
            return null;
        var args = a.Select(x => TypeUnification.To(x, SqlType.Text)).ToArray();
        return new FunctionExpression(name, SqlType.Text, args, static (values, r, rows) => RowKernel.Each(values, r, rows, static (v, result, i) =>
            result.SetBytes(i, Encoding.UTF8.GetBytes(ToRegex(Encoding.UTF8.GetString(v[0].GetBytes(i)),
                v.Length > 1 ? Encoding.UTF8.GetString(v[1].GetBytes(i)) : "\\")))));
    }

    public static string ToRegex(string pattern, string escape)
    {
        if (escape.Length > 1)
            throw new ExecutionException(SqlState.InvalidEscapeSequence, "invalid escape string");
        char? e = escape.Length == 1 ? escape[0] : null;
        var r = new StringBuilder("^(?:", pattern.Length + 8);
        bool afterEscape = false, inClass = false;
        var classPosition = 0;
        var quotes = 0;
        foreach (var c in pattern)
        {
            if (afterEscape)
            {
                if (c == '"' && !inClass)
                {
                    // escape-double-quote splits the pattern for SUBSTRING … SIMILAR; a match just groups the parts.
                    quotes++;
                    r.Append(quotes switch
                    {
                        1 => "){1,1}?(",
                        2 => "){1,1}(?:",
                        _ => throw new ExecutionException("2200C",
                            "SQL regular expression may not contain more than two escape-double-quote separators"),
                    });
                }
                else if (c == '_')
                {
                    // ARE reads \_ as a literal underscore; .NET rejects the escape of a word character it does not know.
                    r.Append('_');
                }
                else
                {
                    r.Append('\\').Append(c);
                }
                afterEscape = false;
            }
            else if (e == c)
            {
                afterEscape = true;
            }
            else if (inClass)
            {
                if (c == '\\')
                    r.Append('\\');
                r.Append(c);
                // A ']' right after '[' or '[^' is a member, not the end.
                if (c == ']' && classPosition > 2)
                    inClass = false;
                else if (c == '^')
                    classPosition++;
                else
                    classPosition = 3;
            }
            else
            {
                switch (c)
                {
                    case '[':
                        r.Append(c);
                        inClass = true;
                        classPosition = 1;
                        break;
                    case '%':
                        r.Append(".*");
                        break;
                    case '_':
                        r.Append('.');
                        break;
                    case '(':
                        r.Append("(?:");
                        break;
                    case '\\' or '.' or '^' or '$':
                        r.Append('\\').Append(c);
                        break;
                    default:
                        r.Append(c);
                        break;
                }
            }
        }
        return r.Append(")$").ToString();
    }
}
