using Pidgin;
using Vnd.Capture.ParseConfigs;
using Vnd.Capture.ParseConfigs.Syntax;

namespace Vnd.Engine.Control.Configs;

/// <summary>
/// Parses a tenant's trace-collection configuration (paper Fig. 4 and 5). Layout, comments,
/// keywords, field names and values follow the parse-configuration rules (case-insensitive
/// keywords, <c>#</c>/<c>--</c> comments, optional ':' after keywords).
/// </summary>
public static class TraceCollectionConfigurationParser
{
    /// <exception cref="TraceCollectionConfigurationException">The text is malformed or inconsistent.</exception>
    public static TraceCollectionConfiguration Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > ParseConfigurationParser.MaxLength)
        {
            throw new TraceCollectionConfigurationException(
                ConfigErrorKind.Limit,
                new SourcePosition(1, 1),
                $"configuration is {text.Length} characters long; the limit is {ParseConfigurationParser.MaxLength}");
        }

        var result = TraceCollectionGrammar.Configuration.Parse(text, ConfigLexemes.Configuration);
        if (!result.Success)
        {
            throw new TraceCollectionConfigurationException([ParseErrorText.ToDiagnostic(result.Error!)]);
        }

        var diagnostics = new List<ConfigDiagnostic>();
        var appliances = new List<ApplianceSpec>();
        var seen = new Dictionary<(ApplianceKind, string), SourcePosition>();
        foreach (var syntax in result.Value)
        {
            if (!seen.TryAdd((syntax.Kind, syntax.Name), syntax.Position))
            {
                diagnostics.Add(new ConfigDiagnostic(
                    ConfigErrorKind.Naming,
                    syntax.Position,
                    $"{syntax.Kind} {syntax.Name} is already described at {seen[(syntax.Kind, syntax.Name)]}"));
            }

            appliances.Add(ApplianceBuilder.Build(syntax, diagnostics));
        }

        if (diagnostics.Count > 0)
        {
            throw new TraceCollectionConfigurationException(diagnostics);
        }

        return new TraceCollectionConfiguration(new ValueList<ApplianceSpec>(appliances)) { Position = new SourcePosition(1, 1) };
    }
}
