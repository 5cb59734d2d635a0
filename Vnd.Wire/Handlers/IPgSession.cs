using Vnd.Wire.Protocol;

namespace Vnd.Wire.Handlers;

/// <summary>
/// One client session, in the style of pgwire's SimpleQueryHandler/ExtendedQueryHandler. Calls never overlap.
/// Errors are reported by throwing <see cref="Errors.PgErrorException"/>; the cancellation token fires on a
/// CancelRequest for this session (the layer answers 57014) or on server shutdown (57P01).
/// </summary>
public interface IPgSession : IAsyncDisposable
{
    /// <summary>Reported in every ReadyForQuery: idle, in a transaction block, or in a failed one.</summary>
    PgTransactionStatus TransactionStatus { get; }

    /// <summary>Idle limits (TimeSpan.Zero = none): idle_session_timeout and idle_in_transaction_session_timeout.</summary>
    PgIdlePolicy IdlePolicy => PgIdlePolicy.None;

    /// <summary>
    /// A simple Query: the engine splits <paramref name="sql"/> into statements and yields one result per
    /// statement (<see cref="PgEmptyQueryResult"/> for an empty string). Each result is sent completely before the
    /// next is requested; an exception ends the query (later statements are not run).
    /// </summary>
    IAsyncEnumerable<PgResult> SimpleQueryAsync(string sql, CancellationToken cancellationToken);

    /// <summary>Parse: prepare one statement. <paramref name="parameterTypes"/> has 0 where the client left the type open.</summary>
    ValueTask<IPgStatement> ParseAsync(string sql, uint[] parameterTypes, CancellationToken cancellationToken);

    /// <summary>Sync: end of an extended-protocol batch (commit an implicit transaction here).</summary>
    ValueTask SyncAsync(CancellationToken cancellationToken);
}
