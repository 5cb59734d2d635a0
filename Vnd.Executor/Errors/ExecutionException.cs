using Vnd.Planner.Errors;

namespace Vnd.Executor;

/// <summary>
/// A query failed while running. Carries the PostgreSQL SQLSTATE so the wire layer can send an ErrorResponse
/// the client understands (22003 out of range, 22012 division by zero, 53200 out of memory, 57014 cancelled).
/// It is a <see cref="SqlException"/>, so a session reports parse, bind and run-time errors through one path.
/// </summary>
public class ExecutionException : SqlException
{
    public ExecutionException(string sqlState, string message)
        : base(sqlState, message)
    {
    }

    public ExecutionException(string sqlState, string message, Exception inner)
        : base(sqlState, message, null, inner)
    {
    }

    public ExecutionException()
        : this(Vnd.Planner.Errors.SqlState.InternalError, "internal error")
    {
    }

    public ExecutionException(string message)
        : this(Vnd.Planner.Errors.SqlState.InternalError, message)
    {
    }

    public ExecutionException(string message, Exception inner)
        : this(Vnd.Planner.Errors.SqlState.InternalError, message, inner)
    {
    }
}
