namespace Vnd.Planner.Errors;

/// <summary>
/// An error reported to a SQL client: the SQLSTATE goes to the ErrorResponse 'C' field and
/// <see cref="Position"/> (1-based character index into the statement text, as PostgreSQL counts) to 'P'.
/// </summary>
public class SqlException : Exception
{
    public SqlException(string sqlState, string message, int? position = null)
        : base(message)
    {
        SqlState = sqlState;
        Position = position;
    }

    public SqlException(string sqlState, string message, int? position, Exception innerException)
        : base(message, innerException)
    {
        SqlState = sqlState;
        Position = position;
    }

    public SqlException()
        : this(Errors.SqlState.SyntaxError, "syntax error")
    {
    }

    public SqlException(string message)
        : this(Errors.SqlState.SyntaxError, message)
    {
    }

    public SqlException(string message, Exception innerException)
        : this(Errors.SqlState.SyntaxError, message, null, innerException)
    {
    }

    public string SqlState { get; }

    /// <summary>1-based character position of the offending token, or null when the error has no location.</summary>
    public int? Position { get; }
}
