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
    private byte[] _pattern = [];
    private RegexOptions _options;
    private Regex? _regex;

    public Regex For(ReadOnlySpan<byte> pattern, RegexOptions options)
    {
        if (_regex is not null && options == _options && pattern.SequenceEqual(_pattern))
            return _regex;
        try
        {
            _regex = new Regex(Encoding.UTF8.GetString(pattern), options | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new ExecutionException("2201B", $"invalid regular expression: {e.Message}");
        }
        _pattern = pattern.ToArray();
        _options = options;
        return _regex;
    }

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
