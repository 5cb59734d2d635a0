namespace Vnd.Capture.ParseConfigs;

/// <summary>A parse configuration (paper Fig. 7) was rejected; see <see cref="ConfigurationException"/>.</summary>
public sealed class ParseConfigurationException : ConfigurationException
{
    public ParseConfigurationException(ConfigErrorKind kind, SourcePosition position, string message)
        : this([new ConfigDiagnostic(kind, position, message)])
    {
    }

    public ParseConfigurationException(IReadOnlyList<ConfigDiagnostic> diagnostics)
        : base(diagnostics)
    {
    }
}
