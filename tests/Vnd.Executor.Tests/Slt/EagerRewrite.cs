namespace Vnd.Executor.Tests.Slt;

/// <summary>
/// Rewrites a generated query so PostgreSQL evaluates every operand of AND, OR and BETWEEN on every row: (a AND b)
/// becomes LEAST(a, b), (a OR b) GREATEST(a, b), (x BETWEEN a AND b) LEAST(x &gt;= a, x &lt;= b). The values differ
/// where NULLs meet (LEAST skips them), but whether an error is raised is what the rewrite asks: PostgreSQL stops at
/// the first operand that decides AND/OR on a row, VND evaluates whole columns, and SQL leaves the order open.
/// Works on <see cref="RandomExpressions"/>' output, which parenthesises every connective and holds no AND/OR in
/// string literals.
/// </summary>
public static class EagerRewrite
{
    public static string Apply(string sql)
    {
        var output = new System.Text.StringBuilder(sql.Length + 32);
        var i = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '\'')
            {
                var end = sql.IndexOf('\'', i + 1);
                while (end + 1 < sql.Length && sql[end + 1] == '\'')
                    end = sql.IndexOf('\'', end + 2);
                output.Append(sql, i, end + 1 - i);
                i = end + 1;
                continue;
            }
            if (sql[i] == '(' && Close(sql, i) is var close and > 0)
            {
                output.Append(Group(sql[(i + 1)..close]));
                i = close + 1;
                continue;
            }
            output.Append(sql[i++]);
        }
        return output.ToString();
    }

    /// <summary>One parenthesised group, rewritten if its top level is a connective; its inside rewritten first.</summary>
    private static string Group(string inside)
    {
        var parts = TopLevel(inside);
        if (parts.Count == 3 && parts[1] is " AND " or " OR ")
            return $"{(parts[1] == " AND " ? "LEAST" : "GREATEST")}({Apply(parts[0])}, {Apply(parts[2])})";
        if (parts.Count == 5 && parts[1] is " BETWEEN " or " NOT BETWEEN " && parts[3] == " AND ")
        {
            var x = Apply(parts[0]);
            return parts[1] == " BETWEEN "
                ? $"LEAST({x} >= {Apply(parts[2])}, {x} <= {Apply(parts[4])})"
                : $"GREATEST({x} < {Apply(parts[2])}, {x} > {Apply(parts[4])})";
        }
        return "(" + Apply(inside) + ")";
    }

    /// <summary>Splits at AND, OR, BETWEEN and NOT BETWEEN outside parentheses and literals; the keywords stay as parts.</summary>
    private static List<string> TopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                i = text.IndexOf('\'', i + 1);
                while (i + 1 < text.Length && text[i + 1] == '\'')
                    i = text.IndexOf('\'', i + 2);
                continue;
            }
            if (c == '(')
                depth++;
            else if (c == ')')
                depth--;
            else if (depth == 0)
            {
                foreach (var keyword in (string[])[" NOT BETWEEN ", " BETWEEN ", " AND ", " OR "])
                {
                    if (string.CompareOrdinal(text, i, keyword, 0, keyword.Length) == 0)
                    {
                        parts.Add(text[start..i]);
                        parts.Add(keyword);
                        i += keyword.Length - 1;
                        start = i + 1;
                        break;
                    }
                }
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    private static int Close(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                i = text.IndexOf('\'', i + 1);
                while (i + 1 < text.Length && text[i + 1] == '\'')
                    i = text.IndexOf('\'', i + 2);
                continue;
            }
            if (text[i] == '(')
                depth++;
            else if (text[i] == ')' && --depth == 0)
                return i;
        }
        return -1;
    }
}
