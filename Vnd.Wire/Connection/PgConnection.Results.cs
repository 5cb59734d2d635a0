using Vnd.Wire.Errors;
using Vnd.Wire.Handlers;
using Vnd.Wire.Protocol;
using Vnd.Wire.Protocol.Frontend;

namespace Vnd.Wire.Connection;

internal sealed partial class PgConnection
{
    /// <summary>Rows asked of the engine per call: bounds the bytes buffered before a flush.</summary>
    private const int RowsPerSlice = 2048;

    /// <summary>Flush mid-result once this much is buffered, so a large result streams with back-pressure.</summary>
    private const int FlushThreshold = 64 * 1024;

    /// <summary>
    /// Sends one result. Returns true when the portal was suspended after <paramref name="maxRows"/> rows
    /// (PortalSuspended), false when it completed (CommandComplete and friends).
    /// </summary>
    private async ValueTask<bool> SendResultAsync(PgResult result, Portal? portal, bool describe, int maxRows, CancellationToken token)
    {
        switch (result)
        {
            case PgRowsResult rows:
                return await SendRowsAsync(rows, portal, describe, maxRows, token).ConfigureAwait(false);
            case PgCommandResult command:
                _writer.WriteCommandComplete(command.Tag);
                return false;
            case PgEmptyQueryResult:
                _writer.WriteEmpty(BackendMessageCode.EmptyQueryResponse);
                return false;
            case PgCopyOutResult copyOut:
                await CopyOutAsync(copyOut, token).ConfigureAwait(false);
                return false;
            case PgCopyInResult copyIn:
                await CopyInAsync(copyIn, token).ConfigureAwait(false);
                return false;
            default:
                throw new InvalidOperationException($"unknown result type {result.GetType().Name}");
        }
    }

    private async ValueTask<bool> SendRowsAsync(PgRowsResult rows, Portal? portal, bool describe, int maxRows, CancellationToken token)
    {
        var columns = portal?.Columns ?? rows.Columns;
        if (describe)
        {
            _writer.WriteRowDescription(columns);
        }

        var writer = _rows!;
        writer.Start(columns);
        var more = true;
        while (more && (maxRows <= 0 || writer.RowCount < maxRows))
        {
            var slice = maxRows <= 0 ? RowsPerSlice : (int)Math.Min(RowsPerSlice, maxRows - writer.RowCount);
            var before = writer.RowCount;
            more = await rows.WriteRowsAsync(writer, slice, token).ConfigureAwait(false);
            if (writer.RowCount - before > slice)
            {
                throw new InvalidOperationException($"the result wrote {writer.RowCount - before} rows where at most {slice} were asked");
            }

            if (_writer.UnflushedBytes > FlushThreshold)
            {
                await FlushMidResultAsync(token).ConfigureAwait(false);
            }
        }

        var total = (portal?.RowCount ?? 0) + writer.RowCount;
        if (portal is not null)
        {
            portal.RowCount = total;
        }

        if (more)
        {
            _writer.WriteEmpty(BackendMessageCode.PortalSuspended);
            return true;
        }

        _writer.WriteCommandComplete(rows.CommandTag(total));
        return false;
    }

    private async ValueTask CopyOutAsync(PgCopyOutResult copyOut, CancellationToken token)
    {
        _writer.WriteCopyResponse(BackendMessageCode.CopyOutResponse, copyOut.Binary, copyOut.ColumnCount);
        var copy = _copy!;
        copy.Reset();
        while (await copyOut.WriteAsync(copy, token).ConfigureAwait(false))
        {
            if (_writer.UnflushedBytes > FlushThreshold)
            {
                await FlushMidResultAsync(token).ConfigureAwait(false);
            }
        }

        _writer.WriteEmpty(BackendMessageCode.CopyDone);
        _writer.WriteCommandComplete(copyOut.CommandTag(copy.RowCount));
    }

    /// <summary>
    /// COPY FROM STDIN: CopyInResponse, then CopyData until CopyDone (CommandComplete) or CopyFail (error 57014).
    /// Flush and Sync inside COPY are ignored, as PostgreSQL does; anything else aborts the COPY.
    /// </summary>
    private async ValueTask CopyInAsync(PgCopyInResult copyIn, CancellationToken token)
    {
        _writer.WriteCopyResponse(BackendMessageCode.CopyInResponse, copyIn.Binary, copyIn.ColumnCount);
        await _output.FlushAsync(token).ConfigureAwait(false);
        while (true)
        {
            var message = await _reader.ReadAsync(_options.MaxMessageLength, token).ConfigureAwait(false)
                          ?? throw new EndOfStreamException("client closed the connection during COPY");
            switch (message.Code)
            {
                case FrontendMessageCode.CopyData:
                    await copyIn.ReceiveAsync(message.Body, token).ConfigureAwait(false);
                    break;
                case FrontendMessageCode.CopyDone:
                    _writer.WriteCommandComplete(await copyIn.CompleteAsync(token).ConfigureAwait(false));
                    return;
                case FrontendMessageCode.CopyFail:
                    var body = new BodyReader(message.Body);
                    var reason = body.ReadCString();
                    await copyIn.FailAsync(reason).ConfigureAwait(false);
                    throw new PgErrorException(SqlState.QueryCanceled, $"COPY from stdin failed: {reason}");
                case FrontendMessageCode.Flush:
                case FrontendMessageCode.Sync:
                    break;
                default:
                    await copyIn.FailAsync("unexpected message").ConfigureAwait(false);
                    throw new PgErrorException(SqlState.ProtocolViolation, $"unexpected message type 0x{message.Code:X2} during COPY from stdin");
            }
        }
    }

    /// <summary>Flushes part of a large result; stops the result when the client has stopped reading.</summary>
    private async ValueTask FlushMidResultAsync(CancellationToken token)
    {
        var flushed = await _output.FlushAsync(token).ConfigureAwait(false);
        if (flushed.IsCompleted)
        {
            throw new IOException("the client stopped reading in the middle of a result");
        }
    }
}
