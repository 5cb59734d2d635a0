using Vnd.Capture.ParseConfigs;

namespace Vnd.Engine.Control.Diagnoses;

/// <summary>Reports a rejected configuration as a <see cref="DiagnosisException"/> naming the text and position.</summary>
internal static class ConfigurationErrors
{
    public static DiagnosisException Of(string which, ConfigurationException error)
    {
        var first = error.Diagnostics[0];
        var sqlState = first.Kind switch
        {
            ConfigErrorKind.Type => DiagnosisException.InvalidParameterValue,
            ConfigErrorKind.Limit => DiagnosisException.ProgramLimitExceeded,
            _ => DiagnosisException.SyntaxError,
        };
        var text = string.Join("; ", error.Diagnostics.Select(d => $"{d.Position}: {d.Message}"));
        return new DiagnosisException(sqlState, $"{which} {text}");
    }
}
