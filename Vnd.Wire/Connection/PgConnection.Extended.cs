using Vnd.Wire.Errors;
using Vnd.Wire.Handlers;
using Vnd.Wire.Protocol;
using Vnd.Wire.Protocol.Frontend;
using Vnd.Wire.Results;

namespace Vnd.Wire.Connection;

internal sealed partial class PgConnection
{
    private readonly Dictionary<string, PreparedStatement> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Portal> _portals = new(StringComparer.Ordinal);
    private bool _skipUntilSync;

    /// <summary>
    /// Parse/Bind/Describe/Execute/Close. After an error the rest of the batch is discarded until Sync, so the
    /// client sees exactly one ErrorResponse per failed batch.
    /// </summary>
    private async ValueTask ExtendedAsync(FrontendMessage message)
    {
        // Only the calls into the engine can be cancelled; Describe and Close answer from local state.
        var callsEngine = message.Code is FrontendMessageCode.Parse or FrontendMessageCode.Bind or FrontendMessageCode.Execute;
        var token = callsEngine ? BeginQuery() : _shutdown;
        try
        {
            // A batch cancelled between its messages runs none of the rest.
            token.ThrowIfCancellationRequested();
            switch (message.Code)
            {
                case FrontendMessageCode.Parse:
                    await ParseAsync(ParseMessage.Read(message), token).ConfigureAwait(false);
                    token.ThrowIfCancellationRequested();
                    break;
                case FrontendMessageCode.Bind:
                    await BindAsync(BindMessage.Read(message), token).ConfigureAwait(false);
                    token.ThrowIfCancellationRequested();
                    break;
                case FrontendMessageCode.Describe:
                    Describe(DescribeMessage.Read(message));
                    break;
                case FrontendMessageCode.Execute:
                    await ExecuteAsync(ExecuteMessage.Read(message), token).ConfigureAwait(false);
                    break;
                default:
                    await CloseAsync(DescribeMessage.Read(message)).ConfigureAwait(false);
                    break;
            }
        }
        catch (PgErrorException error) when (error.Severity is not (PgSeverity.Fatal or PgSeverity.Panic))
        {
            _writer.WriteError(error);
            _skipUntilSync = true;
        }
        catch (OperationCanceledException) when (IsUserCancel(token))
        {
            _writer.WriteError(QueryCanceled());
            _skipUntilSync = true;
        }
        // The batch's cancellation stays armed until its Sync (SyncAsync ends it).
    }

    private async ValueTask ParseAsync(ParseMessage parse, CancellationToken token)
    {
        if (parse.Statement.Length > 0 && _statements.ContainsKey(parse.Statement))
        {
            throw new PgErrorException(SqlState.DuplicatePreparedStatement, $"prepared statement \"{parse.Statement}\" already exists");
        }

        var statement = await Session.ParseAsync(parse.Query, parse.ParameterTypes, token).ConfigureAwait(false);
        if (_statements.Remove(parse.Statement, out var previous))
        {
            previous.Statement.Dispose();
        }

        _statements[parse.Statement] = new PreparedStatement(statement);
        _writer.WriteEmpty(BackendMessageCode.ParseComplete);
    }

    private async ValueTask BindAsync(BindMessage bind, CancellationToken token)
    {
        var prepared = FindStatement(bind.Statement);
        var expected = prepared.Statement.ParameterTypes;
        if (bind.Parameters.Count != expected.Length)
        {
            throw new PgErrorException(SqlState.ProtocolViolation,
                $"bind message supplies {bind.Parameters.Count} parameters, but prepared statement \"{bind.Statement}\" requires {expected.Length}");
        }

        if (bind.Portal.Length > 0 && _portals.ContainsKey(bind.Portal))
        {
            throw new PgErrorException(SqlState.DuplicateCursor, $"cursor \"{bind.Portal}\" already exists");
        }

        bind.Parameters.Types = expected;
        var result = await prepared.Statement.BindAsync(bind.Parameters, token).ConfigureAwait(false);
        PgRowDescription? columns;
        try
        {
            columns = (result as PgRowsResult)?.Columns.WithFormats(bind.ResultFormats);
        }
        catch
        {
            await result.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await ClosePortalAsync(bind.Portal).ConfigureAwait(false);
        _portals[bind.Portal] = new Portal(result, columns, prepared.Described, () => prepared.Described = true);
        _writer.WriteEmpty(BackendMessageCode.BindComplete);
    }

    private void Describe(DescribeMessage describe)
    {
        if (!describe.IsPortal)
        {
            var prepared = FindStatement(describe.Name);
            prepared.Described = true;
            _writer.WriteParameterDescription(prepared.Statement.ParameterTypes);
            WriteDescription(prepared.Statement.Columns);
            return;
        }

        var portal = FindPortal(describe.Name);
        portal.MarkDescribed();
        WriteDescription(portal.Columns);
    }

    private void WriteDescription(PgRowDescription? columns)
    {
        if (columns is null)
        {
            _writer.WriteEmpty(BackendMessageCode.NoData);
        }
        else
        {
            _writer.WriteRowDescription(columns);
        }
    }

    private async ValueTask ExecuteAsync(ExecuteMessage execute, CancellationToken token)
    {
        var portal = FindPortal(execute.Portal);
        if (portal.Completed)
        {
            // Re-executing a finished portal returns no more rows, only the tag (PostgreSQL behaves the same).
            _writer.WriteCommandComplete(portal.Result is PgRowsResult rows ? rows.CommandTag(0) : portal.Tag ?? "");
            return;
        }

        // A client that described neither the portal nor its statement still needs the fields before DataRows.
        var describe = !portal.Described && !portal.StatementDescribed && !portal.Started;
        portal.Started = true;
        if (!await SendResultAsync(portal.Result, portal, describe, execute.MaxRows, token).ConfigureAwait(false))
        {
            portal.Completed = true;
        }
    }

    private async ValueTask CloseAsync(DescribeMessage close)
    {
        if (close.IsPortal)
        {
            await ClosePortalAsync(close.Name).ConfigureAwait(false);
        }
        else if (_statements.Remove(close.Name, out var prepared))
        {
            prepared.Statement.Dispose();
        }

        _writer.WriteEmpty(BackendMessageCode.CloseComplete);
    }

    private async ValueTask SyncAsync()
    {
        _skipUntilSync = false;
        // The batch ends here; a cancel that arrived for it must not fail the Sync's own commit.
        EndQuery();
        var token = BeginQuery();
        try
        {
            await Session.SyncAsync(token).ConfigureAwait(false);
        }
        catch (PgErrorException error) when (error.Severity is not (PgSeverity.Fatal or PgSeverity.Panic))
        {
            _writer.WriteError(error);
        }
        finally
        {
            EndQuery();
        }

        if (Session.TransactionStatus == PgTransactionStatus.Idle)
        {
            // Portals live until the end of their transaction; outside a block that is this Sync.
            foreach (var name in _portals.Keys.ToArray())
            {
                await ClosePortalAsync(name).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask ClosePortalAsync(string name)
    {
        if (_portals.Remove(name, out var portal))
        {
            await portal.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    private PreparedStatement FindStatement(string name) =>
        _statements.TryGetValue(name, out var prepared)
            ? prepared
            : throw new PgErrorException(SqlState.InvalidSqlStatementName,
                name.Length == 0 ? "unnamed prepared statement does not exist" : $"prepared statement \"{name}\" does not exist");

    private Portal FindPortal(string name) =>
        _portals.TryGetValue(name, out var portal)
            ? portal
            : throw new PgErrorException(SqlState.InvalidCursorName, $"portal \"{name}\" does not exist");

    private async ValueTask DisposeExtendedStateAsync()
    {
        foreach (var portal in _portals.Values)
        {
            await portal.Result.DisposeAsync().ConfigureAwait(false);
        }

        _portals.Clear();
        foreach (var prepared in _statements.Values)
        {
            prepared.Statement.Dispose();
        }

        _statements.Clear();
    }

    private sealed class PreparedStatement(IPgStatement statement)
    {
        public IPgStatement Statement { get; } = statement;

        public bool Described { get; set; }
    }
}
