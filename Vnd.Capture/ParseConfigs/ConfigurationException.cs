namespace Vnd.Capture.ParseConfigs;

/// <summary>
/// A tenant configuration (parse or trace-collection) was rejected. <see cref="Diagnostics"/> lists
/// every problem found (syntax errors stop at the first); <see cref="Line"/>, <see cref="Column"/>
/// and <see cref="Kind"/> are those of the first. The message reads
/// <c>line 3, column 12: expected field name</c>, one line per problem.
/// </summary>
public abstract class ConfigurationException : Exception
{
    protected ConfigurationException(IReadOnlyList<ConfigDiagnostic> diagnostics)
        : base(Render(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<ConfigDiagnostic> Diagnostics { get; }

    public ConfigErrorKind Kind => Diagnostics[0].Kind;

    public int Line => Diagnostics[0].Position.Line;

    public int Column => Diagnostics[0].Position.Column;

    private static string Render(IReadOnlyList<ConfigDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (diagnostics.Count == 0)
        {
            throw new ArgumentException("a rejected configuration needs at least one diagnostic", nameof(diagnostics));
        }

        return diagnostics.Count == 1
            ? diagnostics[0].ToString()
            : string.Join(Environment.NewLine, diagnostics);
    }
}
