namespace Vnd.Executor;

/// <summary>
/// A query failed while running. Carries the PostgreSQL SQLSTATE so the wire layer can send an ErrorResponse
/// the client understands (22003 out of range, 22012 division by zero, 53200 out of memory, 57014 cancelled).
/// </summary>
public class ExecutionException : Exception
{
    public ExecutionException(string sqlState, string message)
        : base(message)
    {
        SqlState = sqlState;
    }

    public ExecutionException(string sqlState, string message, Exception inner)
        : base(message, inner)
    {
        SqlState = sqlState;
    }

    public ExecutionException()
        : this(SqlStates.InternalError, "internal error")
    {
    }

    public ExecutionException(string message)
        : this(SqlStates.InternalError, message)
    {
    }

    public ExecutionException(string message, Exception inner)
        : this(SqlStates.InternalError, message, inner)
    {
    }

    /// <summary>Five-character PostgreSQL error code.</summary>
    public string SqlState { get; }
}
