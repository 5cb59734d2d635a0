namespace Vnd.Capture.ParseConfigs.Syntax;

/// <summary>
/// Words that start a clause or join filter terms. A name or value token that turns out to be one
/// of them (with or without a trailing ':') means the name or value itself was left out, and the
/// message should say so rather than complain about the keyword's spelling.
/// </summary>
internal static class ClauseKeywords
{
    public static bool Contains(string token)
    {
        var word = token.TrimEnd(':');
        return word.Equals("fields", StringComparison.OrdinalIgnoreCase)
            || word.Equals("filter", StringComparison.OrdinalIgnoreCase)
            || word.Equals("table", StringComparison.OrdinalIgnoreCase)
            || word.Equals("trace", StringComparison.OrdinalIgnoreCase)
            || word.Equals("and", StringComparison.OrdinalIgnoreCase)
            || word.Equals("or", StringComparison.OrdinalIgnoreCase)
            || word.Equals("not", StringComparison.OrdinalIgnoreCase);
    }
}
