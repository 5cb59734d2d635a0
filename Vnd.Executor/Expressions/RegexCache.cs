using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// The compiled form of the last pattern (and flags) a regular-expression function saw: a constant pattern compiles
/// once per query. Patterns run on .NET's engine, which accepts the ARE subset clients send (anchors, groups,
/// classes, alternation); an invalid one is 2201B. Matching has a timeout (catastrophic backtracking ends the
/// statement with 57014, not a stuck worker).
/// </summary>
internal sealed class RegexCache
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    // One reference, read and replaced whole: the function's expression (and so this cache) is shared by the
    // parallel workers, and separate fields could pair one worker's pattern with another's regex.
    private Compiled? _last;

    public Regex For(ReadOnlySpan<byte> pattern, RegexOptions options)
    {
        var last = _last;
        if (last is not null && options == last.Options && pattern.SequenceEqual(last.Pattern))
            return last.Regex;
        Regex regex;
        try
        {
            regex = new Regex(Encoding.UTF8.GetString(pattern), options | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new ExecutionException("2201B", $"invalid regular expression: {e.Message}");
        }
        _last = new Compiled(pattern.ToArray(), options, regex);
        return regex;
    }

    private sealed record Compiled(byte[] Pattern, RegexOptions Options, Regex Regex);

    /// <summary>Matches a UTF-8 subject decoded into a pooled buffer (no string per row).</summary>
    public static bool IsMatch(Regex regex, ReadOnlySpan<byte> subject)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(subject.Length));
        try
        {
            return regex.IsMatch(buffer.AsSpan(0, Encoding.UTF8.GetChars(subject, buffer)));
        }
        catch (RegexMatchTimeoutException)
        {
            throw TimedOut();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    public static ExecutionException TimedOut() =>
        new(SqlState.QueryCanceled, "canceling statement due to regular expression match timeout");
}
