using System.Collections.Concurrent;
using System.Globalization;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.TableServer.Catalogs;
using Vnd.Engine.TableServer.Registration;
using Vnd.Executor.Remote;
using Vnd.Planner.Distributed;

namespace Vnd.Engine.TableServer;

/// <summary>
/// <c>vnd serve --table-servers host:port,…</c> and/or <c>--registration host:port</c>: the tenant's trace tables
/// live in <c>vnd table-server</c> processes, the listed ones and those that registered. What each holds — the
/// tables the binder sees (<see cref="RemoteTraceTables"/>) and their statistics for placement — is its cached
/// ListFlights answer (<see cref="TableServerCatalogCache"/>), listed again only when its catalog version changed.
/// A server that does not answer keeps its last answer, so a query over its tables fails when it runs, with 08006
/// naming the capture point, instead of the table silently disappearing; a registered server whose heartbeats
/// stopped is not even asked, and a query with a fragment at its capture point fails at once.
/// </summary>
public sealed class RemoteTableServers : ITableServerDirectory, IDisposable
{
    /// <summary>How long a listed server's answer is trusted before asking its catalog version again.</summary>
    public static readonly TimeSpan ListedRecheck = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<Uri> _listed;
    private readonly TableServerRegistry? _registry;
    private readonly TableServerConnections _connections;
    private readonly FlightFragmentTransport _transport;
    private readonly TableServerCatalogCache _catalogs;
    private readonly bool _pushdown;

    /// <summary>
    /// Each tenant's last placement and what it was built from. A statement reuses it while every server's answer
    /// and availability are the same objects and the tenant's diagnoses are the same list: placing thousands of
    /// tables anew for every statement cost more than running a small query.
    /// </summary>
    private readonly ConcurrentDictionary<string, (IReadOnlyList<DiagnosisTable> Captured, PlacementBasis Basis, DistributedExecution Execution)> _placements =
        new(StringComparer.Ordinal);

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
        _catalogs = new TableServerCatalogCache(_connections, ListedRecheck);
        // List the listed servers now, in the background, so that the first statement finds their answers.
        _ = Task.Run(Prefetch);
    }

    private void Prefetch()
    {
        try
        {
            Catalogs();
        }
        catch (ObjectDisposedException)
        {
            // Stopped before the first listing ended: nobody needs it.
        }
    }

    public DistributedExecution For(string tenant, IReadOnlyList<DiagnosisTable> captured)
    {
        var catalogs = Catalogs();
        if (_placements.TryGetValue(tenant, out var last) && ReferenceEquals(last.Captured, captured) && last.Basis.Matches(catalogs))
            return last.Execution;
        var labels = TenantSites.Labels(captured);
        var execution = Place(catalogs, tenant, (_, held) => TenantSites.Of(held.Select(t => t.Name), labels));
        _placements[tenant] = (captured, PlacementBasis.Of(catalogs), execution);
        return execution;
    }

    /// <summary>
    /// The admin's placement: every tenant's tables, each table server a site named by its address (the admin, unlike
    /// a tenant, may see where tables are; capture-point names would collide between tenants).
    /// </summary>
    public DistributedExecution ForAll() => Place(Catalogs(), null, (endpoint, _) => new Site(endpoint.Authority));

    /// <summary>The tables of <paramref name="tenant"/> (all with null) at the sites <paramref name="siteOf"/> names.</summary>
    private DistributedExecution Place(IReadOnlyList<(Uri Endpoint, string? Down, ServerCatalog Catalog)> catalogs, string? tenant,
        Func<Uri, IReadOnlyCollection<ReportedTable>, Site> siteOf)
    {
        var placement = new Placement();
        var endpoints = new Dictionary<Site, Uri>();
        var unavailable = new Dictionary<Site, string>();
        foreach (var (endpoint, down, catalog) in catalogs)
        {
            var held = tenant is null ? catalog.Tables : catalog.InSchema(tenant);
            if (held.Count == 0)
                continue;
            var site = siteOf(endpoint, held);
            endpoints[site] = endpoint;
            if (down is not null)
                unavailable[site] = down;
            else
                unavailable.Remove(site);
            foreach (var table in held)
                placement.Place(table.Schema, table.Name, site, table.Statistics);
        }
        return new DistributedExecution(placement, endpoints, _transport, pushdown: _pushdown, unavailable: unavailable);
    }

    /// <summary>
    /// Every table server's current catalog, down servers first, so a table that a live server also reports (a server
    /// restarted on another port) ends up at the live one for whoever reads them in order. <c>Down</c> says why a
    /// registered server is not asked.
    /// </summary>
    public IReadOnlyList<(Uri Endpoint, string? Down, ServerCatalog Catalog)> Catalogs()
    {
        var servers = Servers().OrderBy(s => s.Down is null).ToList();
        var catalogs = Task.WhenAll(servers.Select(s => _catalogs.CurrentAsync(s.Endpoint, s.Down is not null, s.Version)))
            .GetAwaiter().GetResult();
        var result = new (Uri, string?, ServerCatalog)[servers.Count];
        for (var i = 0; i < result.Length; i++)
            result[i] = (servers[i].Endpoint, servers[i].Down, catalogs[i]);
        return result;
    }

    /// <summary>The listed servers and the registered ones, with the catalog version of their last heartbeat.</summary>
    private List<(Uri Endpoint, string? Down, string? Version)> Servers()
    {
        var servers = _listed.Select(endpoint => (endpoint, (string?)null, (string?)null)).ToList();
        foreach (var registered in _registry?.Servers() ?? [])
        {
            if (_listed.Contains(registered.Endpoint))
                continue;
            servers.Add((registered.Endpoint, registered.Alive ? null
                : $"no heartbeat for {registered.Silence.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s", registered.CatalogVersion));
        }
        return servers;
    }

    public void Dispose() => _connections.Dispose();
}
