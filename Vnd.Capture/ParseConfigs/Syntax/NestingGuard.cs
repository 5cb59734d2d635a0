namespace Vnd.Capture.ParseConfigs.Syntax;

/// <summary>
/// Keeps hostile input from exhausting the stack. The grammar recurses once per parenthesis, so
/// parentheses are counted before parsing; and/or/not chains parse iteratively but produce deep
/// trees that later passes walk recursively, so the finished tree's depth is checked too.
/// </summary>
internal static class NestingGuard
{
    public const int MaxParenthesisDepth = 64;

    public const int MaxExpressionDepth = 256;

    /// <summary>Scans the text (skipping comments and quoted strings) for too-deep parentheses.</summary>
    public static void CheckParentheses(string text)
    {
        var depth = 0;
        var line = 1;
        var column = 1;
        var quote = '\0';
        var comment = false;
        for (var i = 0; i < text.Length; i++, column++)
        {
            var c = text[i];
            if (c == '\n')
            {
                (line, column, comment, quote) = (line + 1, 0, false, '\0');
                continue;
            }

            if (comment)
            {
                continue;
            }

            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                    column++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c == '#' || (c == '-' && i + 1 < text.Length && text[i + 1] == '-'))
            {
                comment = true;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '(' && ++depth > MaxParenthesisDepth)
            {
                throw new ParseConfigurationException(
                    ConfigErrorKind.Limit,
                    new SourcePosition(line, column),
                    $"parentheses nested more than {MaxParenthesisDepth} deep");
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
        }
    }

    /// <summary>
    /// Measures a filter's depth without recursion and rejects one deeper than the limit, at the
    /// first too-deep node in reading order (left operands are visited first).
    /// </summary>
    public static void CheckDepth(FilterExpr filter)
    {
        var pending = new Stack<(FilterExpr Node, int Depth)>();
        pending.Push((filter, 1));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > MaxExpressionDepth)
            {
                throw new ParseConfigurationException(
                    ConfigErrorKind.Limit,
                    node.Position,
                    $"filter expression nested more than {MaxExpressionDepth} deep (split long and/or chains with value sets)");
            }

            switch (node)
            {
                case NotExpr not:
                    pending.Push((not.Operand, depth + 1));
                    break;
                case AndExpr and:
                    pending.Push((and.Right, depth + 1));
                    pending.Push((and.Left, depth + 1));
                    break;
                case OrExpr or:
                    pending.Push((or.Right, depth + 1));
                    pending.Push((or.Left, depth + 1));
                    break;
            }
        }
    }
}
