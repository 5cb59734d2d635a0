namespace Vnd.Wire.Errors;

/// <summary>
/// An error to report to the client as an ErrorResponse (or NoticeResponse fields). The engine throws it from any
/// handler call; the protocol layer turns it into the message and, for <see cref="PgSeverity.Fatal"/>, closes.
/// </summary>
public class PgErrorException : Exception
{
    public PgErrorException(string sqlState, string message, PgSeverity severity = PgSeverity.Error,
        string? detail = null, string? hint = null, int position = 0, Exception? inner = null)
        : base(message, inner)
    {
        SqlState = sqlState;
        Severity = severity;
        Detail = detail;
        Hint = hint;
        Position = position;
    }

    public PgErrorException() : this(Errors.SqlState.InternalError, "internal error")
    {
    }

    public PgErrorException(string message) : this(Errors.SqlState.InternalError, message)
    {
    }

    public PgErrorException(string message, Exception inner)
        : this(Errors.SqlState.InternalError, message, PgSeverity.Error, null, null, 0, inner)
    {
    }

    /// <summary>Five-character SQLSTATE (field C).</summary>
    public string SqlState { get; }

    public PgSeverity Severity { get; }

    /// <summary>Field D, or null.</summary>
    public string? Detail { get; }

    /// <summary>Field H, or null.</summary>
    public string? Hint { get; }

    /// <summary>Field P: 1-based character position in the query string, 0 = none.</summary>
    public int Position { get; }
}
