using Vnd.Capture.ParseConfigs;

namespace Vnd.Engine.Control.Configs;

/// <summary>A trace-collection configuration (paper Fig. 4) was rejected; see <see cref="ConfigurationException"/>.</summary>
public sealed class TraceCollectionConfigurationException : ConfigurationException
{
    public TraceCollectionConfigurationException(ConfigErrorKind kind, SourcePosition position, string message)
        : this([new ConfigDiagnostic(kind, position, message)])
    {
    }

    public TraceCollectionConfigurationException(IReadOnlyList<ConfigDiagnostic> diagnostics)
        : base(diagnostics)
    {
    }
}
