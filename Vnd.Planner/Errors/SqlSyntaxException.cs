namespace Vnd.Planner.Errors;

/// <summary>A statement PostgreSQL's grammar would reject (SQLSTATE 42601).</summary>
public sealed class SqlSyntaxException : SqlException
{
    public SqlSyntaxException(string message, int? position)
        : base(Errors.SqlState.SyntaxError, message, position)
    {
    }

    public SqlSyntaxException()
        : base(Errors.SqlState.SyntaxError, "syntax error")
    {
    }

    public SqlSyntaxException(string message)
        : base(Errors.SqlState.SyntaxError, message)
    {
    }

    public SqlSyntaxException(string message, Exception innerException)
        : base(Errors.SqlState.SyntaxError, message, null, innerException)
    {
    }
}
