using Pidgin;
using Vnd.Capture.ParseConfigs.Syntax;

namespace Vnd.Capture.ParseConfigs;

/// <summary>
/// Parses a tenant's parse configuration (paper Fig. 7). Keywords are case-insensitive, layout is
/// free, <c>#</c> and <c>--</c> start comments, and <c>Filter:</c>/<c>Fields:</c> may carry a colon.
/// Field names, table ids and column names are lower-cased. A tab counts as one column in error positions.
/// </summary>
public static class ParseConfigurationParser
{
    /// <summary>Configurations are written by hand; anything larger is a mistake or an attack.</summary>
    public const int MaxLength = 64 * 1024;

    /// <exception cref="ParseConfigurationException">The text is malformed or exceeds a limit.</exception>
    public static ParseConfiguration Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new ParseConfigurationException(
                ConfigErrorKind.Limit,
                new SourcePosition(1, 1),
                $"configuration is {text.Length} characters long; the limit is {MaxLength}");
        }

        NestingGuard.CheckParentheses(text);
        var result = ParseConfigGrammar.Configuration.Parse(text, ConfigLexemes.Configuration);
        if (!result.Success)
        {
            throw new ParseConfigurationException([ParseErrorText.ToDiagnostic(result.Error!)]);
        }

        return ParseConfigurationBuilder.Build(result.Value);
    }
}
