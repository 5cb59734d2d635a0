using System.Runtime.ExceptionServices;
using Vnd.Planner.Errors;
using Vnd.Planner.Syntax.Lexing;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>
/// Bounds recursion before the combinators recurse. Each nesting level costs the recursive-descent parser
/// a dozen-odd stack frames, so shallow statements (all real client traffic) parse on the caller's thread and
/// deeper ones on a thread with a stack big enough for <see cref="SqlParser.MaxNestingDepth"/> levels.
/// </summary>
internal static class NestingDepth
{
    /// <summary>
    /// Nesting that is safe on a 1 MB thread stack with a wide margin: measured (Debug build) a 1 MB thread
    /// parses 120 nested subqueries and 200 nested parentheses, i.e. under 8 KB of stack per level.
    /// </summary>
    public const int InlineLimit = 24;

    /// <summary>Stack for the deep-nesting thread: 1000 levels at under 8 KB each, with room to spare (reserved, not committed).</summary>
    private const int LargeStackBytes = 64 * 1024 * 1024;

    /// <summary>Maximum nesting of ( and [; throws 54001 at the first bracket beyond the limit.</summary>
    public static int Measure(List<Token> tokens)
    {
        var depth = 0;
        var max = 0;
        foreach (var token in tokens)
        {
            if (token.Kind is TokenKind.LeftParen or TokenKind.LeftBracket)
            {
                depth++;
                if (depth > SqlParser.MaxNestingDepth)
                {
                    throw new SqlException(SqlState.StatementTooComplex,
                        "stack depth limit exceeded: more than " + SqlParser.MaxNestingDepth + " nested parentheses", token.Position + 1);
                }

                max = Math.Max(max, depth);
            }
            else if (token.Kind is TokenKind.RightParen or TokenKind.RightBracket)
            {
                depth--;
            }
        }

        return max;
    }

    public static T RunWithLargeStack<T>(Func<T> parse)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = parse();
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
            },
            LargeStackBytes);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
