using Pidgin;

namespace Vnd.Capture.ParseConfigs.Syntax;

/// <summary>Turns a Pidgin parse error into a 1-based position and a message saying what was expected.</summary>
public static class ParseErrorText
{
    public static ConfigDiagnostic ToDiagnostic(ParseError<char> error)
    {
        var position = new SourcePosition(error.ErrorPos.Line, error.ErrorPos.Col);
        return new ConfigDiagnostic(ConfigErrorKind.Syntax, position, Describe(error));
    }

    private static string Describe(ParseError<char> error)
    {
        if (error.Message is { } message && message != "Assertion failed")
        {
            return message;
        }

        var expected = new List<string>();
        foreach (var item in error.Expected)
        {
            var text = item.IsEof ? "end of input"
                : item.Label ?? (item.Tokens.IsDefaultOrEmpty ? null : "'" + new string(item.Tokens.AsSpan()) + "'");
            if (text is not null && !expected.Contains(text))
            {
                expected.Add(text);
            }
        }

        var found = error.EOF ? "end of input"
            : error.Unexpected.HasValue ? Describe(error.Unexpected.Value)
            : null;
        var wanted = expected.Count switch
        {
            0 => "unexpected input",
            1 => "expected " + expected[0],
            _ => "expected " + string.Join(", ", expected[..^1]) + " or " + expected[^1],
        };
        return found is null ? wanted : $"{wanted}, found {found}";
    }

    private static string Describe(char c) => c switch
    {
        '\n' => "end of line",
        '\r' => "end of line",
        '\t' => "tab",
        _ => $"'{c}'",
    };
}
