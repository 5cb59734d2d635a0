using Apache.Arrow.Flight;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Executor;
using Vnd.Executor.Remote;
using Vnd.Planner.Distributed;

namespace Vnd.Engine.TableServer;

/// <summary>
/// <c>vnd serve --table-servers host:port,…</c>: the tenant's trace tables live in <c>vnd table-server</c>
/// processes, each asked (ListFlights, with the shared token) which tables it holds and their statistics. A server
/// that does not answer keeps its last answer, so a query over its tables fails when it runs, with 08006 naming
/// the capture point, instead of the table silently disappearing.
/// </summary>
public sealed class RemoteTableServers : ITableServerDirectory, IDisposable
{
    private static readonly Site Listing = new("table server");
    private readonly IReadOnlyList<Uri> _servers;
    private readonly TableServerConnections _connections;
    private readonly FlightFragmentTransport _transport;
    private readonly IReadOnlyList<FlightInfo>?[] _lastAnswer;
    private readonly Lock _lock = new();

    public RemoteTableServers(IReadOnlyList<Uri> servers, string token)
    {
        _servers = servers;
        _connections = new TableServerConnections(token);
        _transport = new FlightFragmentTransport(_connections);
        _lastAnswer = new IReadOnlyList<FlightInfo>?[servers.Count];
    }

    public DistributedExecution For(string tenant, IReadOnlyList<DiagnosisTable> captured)
    {
        var answers = Task.WhenAll(_servers.Select((server, i) => ListAsync(i, server))).GetAwaiter().GetResult();
        var placement = new Placement();
        var endpoints = new Dictionary<Site, Uri>();
        for (var i = 0; i < answers.Length; i++)
        {
            var held = answers[i].Where(info => Path(info) is [var schema, _] && schema == tenant).ToList();
            if (held.Count == 0)
                continue;
            var site = TenantSites.Of(held.Select(info => Path(info)[1]), captured);
            endpoints[site] = _servers[i];
            foreach (var info in held)
                placement.Place(FlightStatistics.Placement(info, site));
        }
        return new DistributedExecution(placement, endpoints, _transport);
    }

    private static IReadOnlyList<string> Path(FlightInfo info) => info.Descriptor.Paths.ToList();

    private async Task<IReadOnlyList<FlightInfo>> ListAsync(int index, Uri server)
    {
        try
        {
            var tables = await _connections.For(Listing, server).ListTablesAsync().ConfigureAwait(false);
            lock (_lock)
                _lastAnswer[index] = tables;
            return tables;
        }
        catch (ExecutionException)
        {
            lock (_lock)
                return _lastAnswer[index] ?? [];
        }
    }

    public void Dispose() => _connections.Dispose();
}
