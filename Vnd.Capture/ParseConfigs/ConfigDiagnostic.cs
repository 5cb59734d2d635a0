namespace Vnd.Capture.ParseConfigs;

/// <summary>One problem found in a configuration, at a 1-based line and column.</summary>
public sealed record ConfigDiagnostic(ConfigErrorKind Kind, SourcePosition Position, string Message)
{
    public override string ToString() => $"{Position}: {Message}";
}
