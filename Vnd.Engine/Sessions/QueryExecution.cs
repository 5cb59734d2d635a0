using Vnd.Wire.Errors;

namespace Vnd.Engine.Sessions;

/// <summary>
/// What a running result needs from its session: the statement timeout in force and the one path every error
/// takes (the ErrorResponse form, and the transaction block marked failed).
/// </summary>
public sealed class QueryExecution(SessionSettings settings, TransactionBlock transaction)
{
    public TimeSpan StatementTimeout => settings.StatementTimeout;

    /// <summary>Marks the block failed and returns what to throw: an ErrorResponse, or the cancellation as is.</summary>
    public Exception Failed(Exception error)
    {
        transaction.Fail();
        return error is OperationCanceledException ? error : SqlErrors.ToPg(error);
    }
}
