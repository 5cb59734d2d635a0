using Vnd.Wire.Errors;
using Vnd.Wire.Protocol;
using Vnd.Wire.Protocol.Frontend;

namespace Vnd.Wire.Connection;

internal sealed partial class PgConnection
{
    private CancellationTokenSource? _idle;

    /// <summary>
    /// The message loop after startup. ReadyForQuery (and the flush of everything buffered) happens once per batch:
    /// after a simple Query and after Sync.
    /// </summary>
    private async Task ServeAsync()
    {
        var ready = true;
        while (true)
        {
            if (ready)
            {
                _writer.WriteReadyForQuery(Session.TransactionStatus);
                await _output.FlushAsync(_shutdown).ConfigureAwait(false);
            }

            if (await ReadNextAsync(idle: ready).ConfigureAwait(false) is not { } message)
            {
                return;
            }

            ready = false;
            switch (message.Code)
            {
                case FrontendMessageCode.Query:
                    await SimpleQueryAsync(message).ConfigureAwait(false);
                    ready = true;
                    break;
                case FrontendMessageCode.Parse:
                case FrontendMessageCode.Bind:
                case FrontendMessageCode.Describe:
                case FrontendMessageCode.Execute:
                case FrontendMessageCode.Close:
                    if (!_skipUntilSync)
                    {
                        await ExtendedAsync(message).ConfigureAwait(false);
                    }

                    break;
                case FrontendMessageCode.Sync:
                    await SyncAsync().ConfigureAwait(false);
                    ready = true;
                    break;
                case FrontendMessageCode.Flush:
                    await _output.FlushAsync(_shutdown).ConfigureAwait(false);
                    break;
                case FrontendMessageCode.Terminate:
                    return;
                case FrontendMessageCode.CopyData:
                case FrontendMessageCode.CopyDone:
                case FrontendMessageCode.CopyFail:
                    // Stray COPY traffic after a failed COPY is ignored, as PostgreSQL does.
                    break;
                default:
                    throw new PgProtocolException($"invalid frontend message type {message.Code}");
            }
        }
    }

    /// <summary>Reads the next message; while idle after ReadyForQuery the session's idle limits apply.</summary>
    private async ValueTask<FrontendMessage?> ReadNextAsync(bool idle)
    {
        var policy = idle ? Session.IdlePolicy : default;
        var inTransaction = Session.TransactionStatus != PgTransactionStatus.Idle;
        var limit = inTransaction ? policy.IdleInTransactionTimeout : policy.IdleSessionTimeout;
        if (limit <= TimeSpan.Zero)
        {
            return await _reader.ReadAsync(_options.MaxMessageLength, _shutdown).ConfigureAwait(false);
        }

        _idle ??= CancellationTokenSource.CreateLinkedTokenSource(_shutdown);
        _idle.CancelAfter(limit);
        try
        {
            return await _reader.ReadAsync(_options.MaxMessageLength, _idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_shutdown.IsCancellationRequested)
        {
            throw inTransaction
                ? new PgErrorException(SqlState.IdleInTransactionSessionTimeout, "terminating connection due to idle-in-transaction timeout", PgSeverity.Fatal)
                : new PgErrorException(SqlState.IdleSessionTimeout, "terminating connection due to idle-session timeout", PgSeverity.Fatal);
        }
        finally
        {
            if (!_idle.TryReset())
            {
                _idle.Dispose();
                _idle = null;
            }
        }
    }

    /// <summary>
    /// Query ('Q'): the handler splits the text and yields one result per statement; each is streamed in full.
    /// The first error ends the query (later statements do not run), then ReadyForQuery follows.
    /// </summary>
    private async ValueTask SimpleQueryAsync(FrontendMessage message)
    {
        EndQuery();   // an extended batch left without Sync does not lend this query its (maybe cancelled) token
        var token = BeginQuery();
        try
        {
            var body = new BodyReader(message.Body);
            var sql = body.ReadCString();
            body.ExpectEnd();
            await foreach (var result in Session.SimpleQueryAsync(sql, token).ConfigureAwait(false))
            {
                await using (result.ConfigureAwait(false))
                {
                    await SendResultAsync(result, null, describe: true, maxRows: 0, token).ConfigureAwait(false);
                }
            }
        }
        catch (PgErrorException error) when (error.Severity is not (PgSeverity.Fatal or PgSeverity.Panic))
        {
            _writer.WriteError(error);
        }
        catch (OperationCanceledException) when (IsUserCancel(token))
        {
            _writer.WriteError(QueryCanceled());
        }
        finally
        {
            EndQuery();
        }
    }
}
