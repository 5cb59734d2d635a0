namespace Vnd.Engine.Control.Cloud;

/// <summary>
/// A cloud file that cannot be loaded, with every problem found (not just the first) so an operator fixes them in
/// one pass. SQLSTATE F0000 (config_file_error) when surfaced over the wire.
/// </summary>
public sealed class CloudModelException : Exception
{
    /// <summary>PostgreSQL's config_file_error.</summary>
    public const string ConfigFileError = "F0000";

    /// <summary>Creates the exception from the collected problems (at least one).</summary>
    public CloudModelException(string source, IReadOnlyList<CloudModelError> errors)
        : base(Describe(source, errors)) => Errors = errors;

    /// <summary>The problems in file order.</summary>
    public IReadOnlyList<CloudModelError> Errors { get; }

    /// <summary>The SQLSTATE for clients.</summary>
    public string SqlState => ConfigFileError;

    private static string Describe(string source, IReadOnlyList<CloudModelError> errors) =>
        $"{source}: {errors.Count} error(s) in the cloud model:{Environment.NewLine}  " +
        string.Join(Environment.NewLine + "  ", errors);
}
