using System.Runtime.CompilerServices;
using Vnd.Executor.Execution;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;
using Vnd.Wire.Errors;
using Vnd.Wire.Handlers;
using Vnd.Wire.Protocol;
using Vnd.Wire.Results;
using Vnd.Wire.Types;

namespace Vnd.Engine.Sessions;

/// <summary>
/// One client session over a tenant's (or the admin's) catalog. Queries are parsed with the Planner's SqlParser,
/// bound against the session catalog behind the session's search_path, optimized, planned and streamed; session
/// commands (SET/SHOW/RESET/DISCARD, BEGIN/COMMIT/ROLLBACK, DECLARE/FETCH/MOVE/CLOSE, COPY TO STDOUT, EXPLAIN)
/// are handled here. Every engine error leaves as an ErrorResponse with its SQLSTATE and position and fails an
/// open transaction block.
/// </summary>
public sealed partial class VndSession : IPgSession
{
    private readonly PgSessionContext _context;
    private readonly SessionCatalog _tables;
    private readonly StatementCache _parser;
    private readonly SearchPathCatalog _catalog;
    private readonly SessionSettings _settings;
    private readonly TransactionBlock _transaction = new();
    /// <summary>pg_temp at BEGIN of the open block, restored by its ROLLBACK.</summary>
    private SearchPathCatalog.TempSnapshot? _tempAtBegin;
    private readonly QueryExecution _execution;
    private readonly Dictionary<string, SessionCursor> _cursors = new(StringComparer.Ordinal);
    private readonly PlanCache _plans = new();
    private readonly QueryResources _resources;

    /// <param name="context">the protocol layer's view of the session (user, database, notices, ParameterStatus, time zone)</param>
    /// <param name="identity">who the session belongs to (its tenant, or the admin)</param>
    /// <param name="catalog">what the session's queries see, from an <see cref="ISessionCatalogFactory"/></param>
    /// <param name="statements">parsed statements shared by the server's sessions (null: a cache of this session's own)</param>
    /// <param name="resources">the memory limits of the server's queries (null: the machine's defaults)</param>
    public VndSession(PgSessionContext context, SessionIdentity identity, SessionCatalog catalog, StatementCache? statements = null,
        QueryResources? resources = null)
    {
        _resources = resources ?? QueryResources.ForMachine();
        _context = context;
        _parser = statements ?? new StatementCache(capacity: 256);
        Identity = identity;
        _catalog = new SearchPathCatalog(catalog.Catalog, identity.User, catalog.TempTables);
        // Scans of pg_temp read the session's temporary tables; every other scan goes to the session catalog (and,
        // with table servers, to the coordinator's share of a distributed plan).
        _tables = catalog with
        {
            ResolveTable = scan => scan.Schema == SearchPathCatalog.TempSchema ? _catalog.TempTables.Source(scan.Table) : catalog.ResolveTable(scan),
        };
        _settings = new SessionSettings(context, _catalog);
        catalog.Info?.UseSettings(_settings);
        catalog.Info?.UseCurrentSchema(() => _catalog.CurrentSchema);
        _execution = new QueryExecution(_settings, _transaction);
    }

    public SessionIdentity Identity { get; }

    public PgTransactionStatus TransactionStatus => _transaction.Status;

    /// <summary>Statements whose plan this session reused instead of binding and optimizing them again.</summary>
    public long PlanCacheHits => _plans.Hits;

    /// <summary>idle_session_timeout and idle_in_transaction_session_timeout as set in this session.</summary>
    public PgIdlePolicy IdlePolicy => new(_settings.IdleSessionTimeout, _settings.IdleInTransactionTimeout);

    public async IAsyncEnumerable<PgResult> SimpleQueryAsync(string sql, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statements = Parse(sql);
        if (statements.Count == 0)
        {
            yield return new PgEmptyQueryResult();
            yield break;
        }
        for (var i = 0; i < statements.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Execute(statements[i], null, null);
            // Give the protocol layer's cancellation a chance between statements of one query string; after the
            // last one there is nothing left to cancel, and the hop through the thread pool cost every one-statement
            // query (pgbench, dashboards) a queueing and a context switch.
            if (i + 1 < statements.Count)
                await Task.Yield();
        }
    }

    public ValueTask<IPgStatement> ParseAsync(string sql, uint[] parameterTypes, CancellationToken cancellationToken)
    {
        try
        {
            var statements = _parser.Parse(sql);
            if (statements.Count != 1 || statements[0] is not TransactionStatement { Action: TransactionAction.Commit or TransactionAction.Rollback })
                _transaction.CheckNotAborted();
            if (statements.Count > 1)
                throw new PgErrorException("42601", "cannot insert multiple commands into a prepared statement");
            if (statements.Count == 0)
                return ValueTask.FromResult<IPgStatement>(new VndStatement(this, null, null, [], null));
            var declared = SqlList.From(parameterTypes.Select(PgTypeMapping.FromOid));
            var statement = statements[0];
            _tables.BeginStatement?.Invoke();
            var service = Service(statement);
            var query = service is null && QueryOf(statement) is { } q ? _plans.Prepare(_catalog, q, declared) : null;
            var types = query is not null
                ? query.ParameterTypes.Select(PgTypeMapping.Oid).ToArray()
                : parameterTypes.Select(t => t == 0 ? PgTypeOid.Text : t).ToArray();
            return ValueTask.FromResult<IPgStatement>(new VndStatement(this, statement, query, types, Describe(statement, query)));
        }
        catch (Exception error) when (SqlErrors.IsEngineError(error))
        {
            throw _execution.Failed(error);
        }
    }

    public ValueTask SyncAsync(CancellationToken cancellationToken) => default;

    /// <summary>Bind of a prepared statement: a query is planned with the parameter values, a command runs.</summary>
    internal PgResult Bind(VndStatement statement, PgParameters parameters)
    {
        if (statement.Statement is null)
            return new PgEmptyQueryResult();
        BoundLiteral[]? literals = null;
        try
        {
            if (statement.Query is { } query && query.ParameterTypes.Count > 0)
                literals = ParameterLiterals.From(parameters, query.ParameterTypes);
        }
        catch (Exception error) when (SqlErrors.IsEngineError(error))
        {
            throw _execution.Failed(error);
        }
        return Execute(statement.Statement, statement.Query, literals);
    }

    public ValueTask DisposeAsync()
    {
        CloseCursors(all: true);
        return default;
    }

    private SqlList<Statement> Parse(string sql)
    {
        try
        {
            return _parser.Parse(sql);
        }
        catch (Exception error) when (SqlErrors.IsEngineError(error))
        {
            throw _execution.Failed(error);
        }
    }

    /// <summary>Runs one statement; <paramref name="prepared"/> is its query when Parse already bound it.</summary>
    private PgResult Execute(Statement statement, PreparedQuery? prepared, BoundLiteral[]? parameters)
    {
        try
        {
            if (statement is not TransactionStatement { Action: TransactionAction.Commit or TransactionAction.Rollback })
                _transaction.CheckNotAborted();
            _tables.BeginStatement?.Invoke();
            return statement switch
            {
                SelectStatement when Service(statement) is { } call =>
                    new TextRowsResult(TextRowsResult.Describe(call.ColumnName), [[_tables.CallService!(call.Function, call.Arguments)]]),
                SelectStatement select => Rows(prepared ?? _plans.Prepare(_catalog, select.Query, null), parameters),
                ExplainStatement explain when Vnd.Executor.Analysis.ExplainAnalyze.Requested(explain) => ExplainAnalyzed(explain, prepared, parameters),
                ExplainStatement explain => Explain(explain, prepared),
                SetStatement set => Set(set),
                ShowStatement show => Show(show.Name),
                ResetStatement reset => Reset(reset),
                DiscardStatement discard => Discard(discard),
                CreateViewStatement create => CreateView(create),
                CreateTableAsStatement create => CreateTableAs(create),
                DropStatement drop => Drop(drop),
                TransactionStatement transaction => Transaction(transaction),
                DeclareCursorStatement declare => Declare(declare, prepared, parameters),
                FetchStatement fetch => Fetch(fetch),
                CloseStatement close => Close(close),
                CopyStatement copy => Copy(copy, prepared, parameters),
                DeallocateStatement deallocate => new PgCommandResult(deallocate.Name is null ? "DEALLOCATE ALL" : "DEALLOCATE"),
                UnsupportedStatement unsupported => throw SqlErrors.FeatureNotSupported(unsupported.Message),
                _ => throw SqlErrors.FeatureNotSupported($"not supported yet: {statement.GetType().Name.Replace("Statement", "", StringComparison.Ordinal)}"),
            };
        }
        catch (Exception error) when (SqlErrors.IsEngineError(error))
        {
            throw _execution.Failed(error);
        }
    }

    private QueryRowsResult Rows(PreparedQuery query, BoundLiteral[]? parameters) =>
        new(Open(query, parameters), query.Shape, _execution);

    private OpenQuery Open(PreparedQuery query, BoundLiteral[]? parameters) =>
        new(query.Physical(_tables, parameters, _settings.JoinStrategy, _transaction.Start, _context.TimeZone), _resources);

    /// <summary>The query a statement runs, if it runs one (bound at Parse so its parameters get types).</summary>
    private static Query? QueryOf(Statement statement) => statement switch
    {
        SelectStatement select => select.Query,
        ExplainStatement { Target: SelectStatement select } => select.Query,
        DeclareCursorStatement declare => declare.Query,
        CopyStatement { Source: { } source } => source,
        _ => null,
    };

    /// <summary>The columns Describe reports for a prepared statement (NoData for commands).</summary>
    /// <summary>A <c>vnd.*</c> control-server call, when the session's catalog offers them.</summary>
    private ServiceCall? Service(Statement statement) =>
        _tables.CallService is not null && statement is SelectStatement select ? ServiceCall.Match(select.Query) : null;

    private PgRowDescription? Describe(Statement statement, PreparedQuery? query) => statement switch
    {
        SelectStatement when Service(statement) is { } call => TextRowsResult.Describe(call.ColumnName),
        SelectStatement => query!.Shape.Description,
        ExplainStatement => TextRowsResult.Describe("QUERY PLAN"),
        ShowStatement show => ShowColumns(show.Name),
        FetchStatement { Move: false } fetch when _cursors.TryGetValue(fetch.Cursor, out var cursor) => cursor.Shape.Description,
        _ => null,
    };
}
