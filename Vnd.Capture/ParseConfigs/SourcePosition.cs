namespace Vnd.Capture.ParseConfigs;

/// <summary>A 1-based line and column in a configuration text; (0, 0) means "not from text".</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}
