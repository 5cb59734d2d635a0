using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Vnd.Wire.Errors;

/// <summary>
/// A framing or message-format violation. Unlike a query error it ends the connection: after the FATAL
/// ErrorResponse the byte stream cannot be trusted to be in step with message boundaries.
/// </summary>
public sealed class PgProtocolException : PgErrorException
{
    public PgProtocolException(string message, string sqlState = Errors.SqlState.ProtocolViolation)
        : base(sqlState, message, PgSeverity.Fatal)
    {
    }

    public PgProtocolException() : this("protocol violation")
    {
    }

    public PgProtocolException(string message, Exception inner)
        : base(Errors.SqlState.ProtocolViolation, message, PgSeverity.Fatal, null, null, 0, inner)
    {
    }

    [DoesNotReturn, StackTraceHidden]
    public static void Throw(string message) => throw new PgProtocolException(message);

    [DoesNotReturn, StackTraceHidden]
    public static T Throw<T>(string message) => throw new PgProtocolException(message);
}
