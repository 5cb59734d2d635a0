using System.IO.Pipelines;
using System.Net;
using System.Security.Authentication;
using Vnd.Wire.Errors;
using Vnd.Wire.Handlers;
using Vnd.Wire.Hosting;
using Vnd.Wire.Protocol;
using Vnd.Wire.Protocol.Backend;
using Vnd.Wire.Results;

namespace Vnd.Wire.Connection;

/// <summary>
/// One client connection from the first byte to the last: startup and TLS (PgConnection.Startup.cs),
/// authentication (.Auth.cs), the query loop (.Query.cs), the extended protocol (.Extended.cs) and result
/// streaming (.Results.cs). Query errors become ErrorResponse + ReadyForQuery; protocol violations and FATAL
/// errors are reported once and close the connection.
/// </summary>
internal sealed partial class PgConnection
{
    private readonly PgServer _server;
    private readonly PgServerOptions _options;
    private readonly EndPoint? _remote;
    private readonly CancellationToken _shutdown;
    private readonly object _cancelGate = new();
    private Stream? _stream;
    private PipeReader _input;
    private PipeWriter _output;
    private readonly FrontendReader _reader;
    private BackendWriter _writer;
    private CancellationTokenSource? _queryCancellation;
    private bool _queryRunning;
    private int _processId;
    private int _secretKey;
    private string? _admittedUser;
    private IPgSession? _session;
    private SessionContext? _context;
    private DataRowWriter? _rows;
    private CopyDataWriter? _copy;

    public PgConnection(PgServer server, IDuplexPipe transport, Stream? stream, EndPoint? remote, CancellationToken shutdown)
    {
        _server = server;
        _options = server.Options;
        _stream = stream;
        _remote = remote;
        _shutdown = shutdown;
        _input = transport.Input;
        _output = transport.Output;
        _reader = new FrontendReader(_input);
        _writer = new BackendWriter(_output);
    }

    private IPgSession Session => _session ?? throw new InvalidOperationException("no session");

    public async Task RunAsync()
    {
        (_processId, _secretKey) = _server.Registry.Register(this);
        try
        {
            if (await StartupAsync().ConfigureAwait(false))
            {
                await ServeAsync().ConfigureAwait(false);
            }
        }
        catch (PgErrorException error)
        {
            await SendFatalAsync(error).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
            await SendFatalAsync(new PgErrorException(SqlState.AdminShutdown, "terminating connection due to administrator command")).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or AuthenticationException)
        {
            // The peer went away or the TLS handshake failed: nothing can be sent any more.
        }
        catch (Exception error)
        {
            _server.ReportInternalError(error);
            await SendFatalAsync(new PgErrorException(SqlState.InternalError, "internal error: " + error.Message)).ConfigureAwait(false);
        }
        finally
        {
            await CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>CancelRequest for this session: cancels the running query if the secret key matches.</summary>
    public void CancelQuery(int secretKey)
    {
        if (secretKey != _secretKey)
        {
            return;
        }

        lock (_cancelGate)
        {
            // Decided under the gate, so a cancel that lands between two queries cannot hit the next one through
            // the reused source; CancelAsync runs the query's callbacks on the pool, not while holding the gate.
            if (_queryRunning && _queryCancellation is { } running)
            {
                _ = running.CancelAsync();
            }
        }
    }

    /// <summary>
    /// A token for a query in progress: fires on CancelRequest or shutdown. An extended-protocol batch is one query
    /// from its first Parse/Bind/Execute to its Sync, so a later message of the batch gets the token the batch began
    /// with: a CancelRequest that lands while Parse or Bind runs, or between two messages, still cancels the batch
    /// (a client such as Npgsql cancels a few hundred milliseconds in, whatever the server is doing then).
    /// </summary>
    private CancellationToken BeginQuery()
    {
        lock (_cancelGate)
        {
            _queryCancellation ??= CancellationTokenSource.CreateLinkedTokenSource(_shutdown);
            _queryRunning = true;
            return _queryCancellation.Token;
        }
    }

    /// <summary>
    /// Ends the query's token. The linked source is kept for the next query unless it was cancelled: creating one
    /// per query registers with the server's shutdown token, whose registration lock all sessions share (6.5% of
    /// the server's CPU under pgbench at 200 sessions, most of it spinning on that lock).
    /// </summary>
    private void EndQuery()
    {
        lock (_cancelGate)
        {
            _queryRunning = false;
            if (_queryCancellation is { } source && !source.TryReset())
            {
                source.Dispose();
                _queryCancellation = null;
            }
        }
    }

    /// <summary>True when an OperationCanceledException came from a CancelRequest (not from shutdown).</summary>
    private bool IsUserCancel(CancellationToken query) => query.IsCancellationRequested && !_shutdown.IsCancellationRequested;

    private static PgErrorException QueryCanceled() =>
        new(SqlState.QueryCanceled, "canceling statement due to user request");

    private async ValueTask SendFatalAsync(PgErrorException error)
    {
        try
        {
            var fatal = error.Severity is PgSeverity.Fatal or PgSeverity.Panic
                ? error
                : new PgErrorException(error.SqlState, error.Message, PgSeverity.Fatal, error.Detail, error.Hint, error.Position);
            _writer.WriteError(fatal);
            await _output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Best effort: the peer may already be gone.
        }
    }

    private async ValueTask CloseAsync()
    {
        try
        {
            await DisposeExtendedStateAsync().ConfigureAwait(false);
            if (_session is not null)
            {
                await _session.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception error)
        {
            _server.ReportInternalError(error);
        }
        finally
        {
            _rows?.Dispose();
            _server.Registry.Unregister(_processId, _admittedUser);
            _reader.Release();
            try
            {
                await _input.CompleteAsync().ConfigureAwait(false);
                // Completing the writer flushes what is still buffered (e.g. the 57P01 of a shutdown): a peer that
                // already closed its end makes that flush fail, and there is nobody left to tell.
                await _output.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
            }
            finally
            {
                if (_stream is not null)
                {
                    await _stream.DisposeAsync().ConfigureAwait(false);
                }
            }

            lock (_cancelGate)
            {
                _queryRunning = false;
                _queryCancellation?.Dispose();
                _queryCancellation = null;
            }
        }
    }
}
