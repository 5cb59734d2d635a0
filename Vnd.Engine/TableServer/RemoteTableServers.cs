using System.Globalization;
using Apache.Arrow.Flight;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.TableServer.Registration;
using Vnd.Executor;
using Vnd.Executor.Remote;
using Vnd.Planner.Distributed;

namespace Vnd.Engine.TableServer;

/// <summary>
/// <c>vnd serve --table-servers host:port,…</c> and/or <c>--registration host:port</c>: the tenant's trace tables
/// live in <c>vnd table-server</c> processes, the listed ones and those that registered, each asked (ListFlights,
/// with the shared token) which tables it holds and their statistics. A server that does not answer keeps its last
/// answer, so a query over its tables fails when it runs, with 08006 naming the capture point, instead of the
/// table silently disappearing; a registered server whose heartbeats stopped is not even asked, and a query with a
/// fragment at its capture point fails at once.
/// </summary>
public sealed class RemoteTableServers : ITableServerDirectory, IDisposable
{
    private static readonly Site Listing = new("table server");
    private readonly IReadOnlyList<Uri> _listed;
    private readonly TableServerRegistry? _registry;
    private readonly TableServerConnections _connections;
    private readonly FlightFragmentTransport _transport;
    private readonly Dictionary<string, IReadOnlyList<FlightInfo>> _lastAnswer = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly bool _pushdown;

    /// <param name="listed">the servers of <c>--table-servers</c></param>
    /// <param name="registry">the servers that registered (none without <c>--registration</c>)</param>
    /// <param name="pushdown">false: fragments are bare scans, everything else runs here (<c>--no-pushdown</c>)</param>
    public RemoteTableServers(IReadOnlyList<Uri> listed, string token, bool pushdown = true, TableServerRegistry? registry = null)
    {
        _pushdown = pushdown;
        _listed = listed;
        _registry = registry;
        _connections = new TableServerConnections(token);
        _transport = new FlightFragmentTransport(_connections);
    }

    public DistributedExecution For(string tenant, IReadOnlyList<DiagnosisTable> captured)
    {
        var servers = Servers();
        var answers = Task.WhenAll(servers.Select(s => s.Down is null ? ListAsync(s.Endpoint) : Task.FromResult(LastAnswer(s.Endpoint))))
            .GetAwaiter().GetResult();
        var placement = new Placement();
        var endpoints = new Dictionary<Site, Uri>();
        var unavailable = new Dictionary<Site, string>();
        // Down servers first, so a table that a live server also reports (a server restarted on another port) is placed there.
        foreach (var i in Enumerable.Range(0, servers.Count).OrderBy(i => servers[i].Down is null))
        {
            var held = answers[i].Where(info => Path(info) is [var schema, _] && schema == tenant).ToList();
            if (held.Count == 0)
                continue;
            var site = TenantSites.Of(held.Select(info => Path(info)[1]), captured);
            endpoints[site] = servers[i].Endpoint;
            if (servers[i].Down is { } reason)
                unavailable[site] = reason;
            else
                unavailable.Remove(site);
            foreach (var info in held)
                placement.Place(FlightStatistics.Placement(info, site));
        }
        return new DistributedExecution(placement, endpoints, _transport, pushdown: _pushdown, unavailable: unavailable);
    }

    /// <summary>The listed servers and the registered ones; <c>Down</c> says why a registered one is not asked.</summary>
    private List<(Uri Endpoint, string? Down)> Servers()
    {
        var servers = _listed.Select(endpoint => (endpoint, (string?)null)).ToList();
        foreach (var registered in _registry?.Servers() ?? [])
        {
            if (_listed.Contains(registered.Endpoint))
                continue;
            servers.Add((registered.Endpoint, registered.Alive ? null
                : $"no heartbeat for {registered.Silence.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s"));
        }
        return servers;
    }

    private static IReadOnlyList<string> Path(FlightInfo info) => info.Descriptor.Paths.ToList();

    private IReadOnlyList<FlightInfo> LastAnswer(Uri server)
    {
        lock (_lock)
            return _lastAnswer.GetValueOrDefault(server.ToString()) ?? [];
    }

    private async Task<IReadOnlyList<FlightInfo>> ListAsync(Uri server)
    {
        try
        {
            var tables = await _connections.For(Listing, server).ListTablesAsync().ConfigureAwait(false);
            lock (_lock)
                _lastAnswer[server.ToString()] = tables;
            return tables;
        }
        catch (ExecutionException)
        {
            return LastAnswer(server);
        }
    }

    public void Dispose() => _connections.Dispose();
}
