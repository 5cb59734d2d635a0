using System.Net.Http;
using Apache.Arrow.Flight;
using Apache.Arrow.Flight.Client;
using Grpc.Core;
using Grpc.Net.Client;
using Vnd.Planner.Distributed;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Remote;

/// <summary>
/// A connection to one table server, named by the capture point (site) the coordinator reaches through it. Every
/// call carries the shared token. Connection attempts time out after <see cref="ConnectTimeout"/> and HTTP/2 pings
/// detect a server that dies mid-stream, so a query over a dead table server fails in seconds, not minutes; every
/// failure becomes an <see cref="ExecutionException"/> with a SQLSTATE and the capture point's name.
/// </summary>
public sealed class TableServerClient : IDisposable
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a ListFlights answer may take: a control server lists a server only when its catalog changed, and
    /// describing every table (manifests, distinct-count sketches) on a loaded machine can take seconds; a listing
    /// cut short would hide that server's tables from the binder.
    /// </summary>
    public static readonly TimeSpan ListingTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(2);
    private readonly GrpcChannel _channel;
    private readonly FlightClient _client;
    private readonly Metadata _headers;
    private readonly Metadata _analyzeHeaders;

    public TableServerClient(Site site, Uri endpoint, string token)
    {
        Site = site;
        Endpoint = endpoint;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = ConnectTimeout,
            KeepAlivePingDelay = PingInterval,
            KeepAlivePingTimeout = PingInterval,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            EnableMultipleHttp2Connections = true,
        };
        // A restarted table server must be usable by the next query: retry connecting soon, not after minutes.
        _channel = GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxReceiveMessageSize = 256 << 20,
            InitialReconnectBackoff = TimeSpan.FromMilliseconds(100),
            MaxReconnectBackoff = TimeSpan.FromSeconds(1),
        });
        _client = new FlightClient(_channel);
        _headers = new Metadata { { TableServerProtocol.AuthorizationHeader, TableServerProtocol.Bearer(token) } };
        _analyzeHeaders = new Metadata
        {
            { TableServerProtocol.AuthorizationHeader, TableServerProtocol.Bearer(token) },
            { TableServerProtocol.AnalyzeHeader, "1" },
        };
    }

    public Site Site { get; }

    public Uri Endpoint { get; }

    /// <summary>Set once a call found the server unreachable; the connection pool then opens a fresh channel.</summary>
    public bool Broken { get; private set; }

    /// <summary>Starts streaming the result of an encoded fragment ticket.</summary>
    public FlightRecordBatchStreamingCall Fetch(byte[] ticket, CancellationToken cancellation, bool analyze = false) =>
        _client.GetStream(new FlightTicket(ticket), analyze ? _analyzeHeaders : _headers, null, cancellation);

    /// <summary>The trace tables the server holds, with their statistics (see <see cref="FlightStatistics"/>).</summary>
    public async Task<IReadOnlyList<FlightInfo>> ListTablesAsync(CancellationToken cancellation = default) =>
        (await ListCatalogAsync(null, cancellation).ConfigureAwait(false)).Tables;

    /// <summary>
    /// The trace tables the server holds and the catalog version they are as of (null from a server that sends none):
    /// the version was taken before listing, so a table changed meanwhile shows as a newer version later. A table
    /// whose <see cref="TableStamp"/> is in <paramref name="known"/> comes back as a bare unchanged entry
    /// (<see cref="TableStamp.IsUnchanged"/>).
    /// </summary>
    public async Task<(IReadOnlyList<FlightInfo> Tables, string? Version)> ListCatalogAsync(IReadOnlyCollection<ulong>? known = null,
        CancellationToken cancellation = default)
    {
        try
        {
            var tables = new List<FlightInfo>();
            var criteria = known is { Count: > 0 } ? new FlightCriteria(TableStamp.Criteria(known)) : new FlightCriteria();
            using var call = _client.ListFlights(criteria, _headers, DateTime.UtcNow + ListingTimeout, cancellation);
            while (await call.ResponseStream.MoveNext(cancellation).ConfigureAwait(false))
                tables.Add(call.ResponseStream.Current);
            return (tables, call.GetTrailers().GetValue(TableServerProtocol.CatalogVersionTrailer));
        }
        catch (RpcException e)
        {
            throw Translate(e, cancellation);
        }
    }

    /// <summary>One table's statistics (GetFlightInfo with the path descriptor [schema, table]).</summary>
    public async Task<FlightInfo> TableAsync(string schema, string table, CancellationToken cancellation = default)
    {
        try
        {
            using var call = _client.GetInfo(FlightDescriptor.CreatePathDescriptor(schema, table), _headers,
                DateTime.UtcNow + TimeSpan.FromSeconds(5), cancellation);
            return await call.ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw Translate(e, cancellation);
        }
    }

    /// <summary>Runs a Flight action (see <see cref="TableServerProtocol"/>); its results as text, one per result.</summary>
    public async Task<IReadOnlyList<string>> ActionAsync(string type, string body, TimeSpan timeout, CancellationToken cancellation = default)
    {
        try
        {
            var results = new List<string>();
            using var call = _client.DoAction(new FlightAction(type, body), _headers, DateTime.UtcNow + timeout, cancellation);
            while (await call.ResponseStream.MoveNext(cancellation).ConfigureAwait(false))
                results.Add(call.ResponseStream.Current.Body.ToStringUtf8());
            return results;
        }
        catch (RpcException e)
        {
            throw Translate(e, cancellation);
        }
    }

    /// <summary>The error a failed call means to the query, naming the capture point and never the host.</summary>
    public ExecutionException Translate(RpcException error, CancellationToken cancellation)
    {
        var where = $"capture point \"{Site}\"";
        var state = error.Trailers.GetValue(TableServerProtocol.SqlStateTrailer);
        return error.StatusCode switch
        {
            StatusCode.Cancelled when cancellation.IsCancellationRequested =>
                new ExecutionException(SqlState.QueryCanceled, "canceling statement due to user request"),
            StatusCode.Unauthenticated or StatusCode.PermissionDenied =>
                new ExecutionException(RemoteSqlStates.InvalidAuthorization, $"the table server of {where} rejected the shared token", error),
            _ when state is not null => new ExecutionException(state, $"{where}: {error.Status.Detail}", error),
            _ => Unreachable(where, error),
        };
    }

    /// <summary>
    /// Only the status code reaches the tenant: gRPC's detail for a failed connection can name the table server's
    /// address ("Error starting gRPC call. HttpRequestException: Connection refused (10.0.0.7:7001) …"), which is
    /// the operator's infrastructure. The detail stays in the inner exception for the server's log.
    /// </summary>
    private ExecutionException Unreachable(string where, RpcException error)
    {
        Broken = true;
        return new ExecutionException(RemoteSqlStates.ConnectionFailure,
            $"the table server of {where} is unreachable or failed during the query ({error.StatusCode})", error);
    }

    public void Dispose() => _channel.Dispose();
}
