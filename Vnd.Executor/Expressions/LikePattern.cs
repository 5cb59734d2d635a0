using System.Text;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// A LIKE pattern compiled once: plain text, prefix, suffix and infix patterns become span comparisons (IndexOf
/// is vectorised); anything else runs a backtracking matcher over UTF-8 bytes where <c>_</c> consumes one whole
/// character. ILIKE folds ASCII letters on both sides (the C-locale behaviour). Backslash escapes the next
/// character.
/// </summary>
public sealed class LikePattern
{
    private readonly byte[] _literal;
    private readonly Kind _kind;
    private readonly byte[] _pattern;
    private readonly bool[] _isWild;

    public LikePattern(string pattern, bool caseInsensitive)
    {
        CaseInsensitive = caseInsensitive;
        var bytes = new List<byte>();
        var wild = new List<bool>();
        var utf8 = Encoding.UTF8.GetBytes(pattern);
        if (caseInsensitive)
            TextKernels.FoldAscii(utf8, utf8, toUpper: false);
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (b == (byte)'\\')
            {
                if (++i == utf8.Length)
                    throw new ExecutionException(SqlState.InvalidEscapeSequence, "LIKE pattern must not end with escape character");
                bytes.Add(utf8[i]);
                wild.Add(false);
                continue;
            }
            bytes.Add(b);
            wild.Add(b is (byte)'%' or (byte)'_');
        }
        _pattern = [.. bytes];
        _isWild = [.. wild];
        (_kind, _literal) = Classify();
    }

    private enum Kind { Exact, Prefix, Suffix, Contains, General }

    public bool CaseInsensitive { get; }

    /// <summary>Matches a value that is already ASCII-folded when the pattern is case-insensitive.</summary>
    public bool Matches(ReadOnlySpan<byte> value) => _kind switch
    {
        Kind.Exact => value.SequenceEqual(_literal),
        Kind.Prefix => value.StartsWith(_literal),
        Kind.Suffix => value.EndsWith(_literal),
        Kind.Contains => value.IndexOf(_literal) >= 0,
        _ => MatchGeneral(value),
    };

    private (Kind, byte[]) Classify()
    {
        var n = _pattern.Length;
        var wildIndexes = Enumerable.Range(0, n).Where(i => _isWild[i]).ToArray();
        if (wildIndexes.Length == 0)
            return (Kind.Exact, _pattern);
        if (wildIndexes.Any(i => _pattern[i] == (byte)'_'))
            return (Kind.General, []);
        if (wildIndexes is [var only] && only == n - 1)
            return (Kind.Prefix, _pattern[..^1]);
        if (wildIndexes is [var first] && first == 0)
            return (Kind.Suffix, _pattern[1..]);
        if (wildIndexes is [0, var last] && last == n - 1)
            return (Kind.Contains, _pattern[1..^1]);
        return (Kind.General, []);
    }

    private bool MatchGeneral(ReadOnlySpan<byte> value)
    {
        int p = 0, v = 0, starP = -1, starV = 0;
        while (v < value.Length)
        {
            if (p < _pattern.Length && _isWild[p] && _pattern[p] == (byte)'%')
            {
                starP = ++p;
                starV = v;
            }
            else if (p < _pattern.Length && _isWild[p])
            {
                p++;
                v += CharLength(value[v]);
            }
            else if (p < _pattern.Length && _pattern[p] == value[v])
            {
                p++;
                v++;
            }
            else if (starP >= 0)
            {
                p = starP;
                starV += CharLength(value[starV]);
                v = starV;
            }
            else
            {
                return false;
            }
        }
        while (p < _pattern.Length && _isWild[p] && _pattern[p] == (byte)'%')
            p++;
        return p == _pattern.Length && v == value.Length;
    }

    private static int CharLength(byte lead) => lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}
