using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Apache.Arrow.Flight;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Executor.Operators;
using Vnd.Executor.Remote;
using Vnd.Executor.Scans;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Manifest;
using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;

namespace Vnd.Engine.TableServer;

/// <summary>
/// <c>vnd serve</c>'s one-process default: one table server per hypervisor's table server of the cloud model,
/// living in this process over the control server's own data directory and reached through an
/// <see cref="InProcessFragmentTransport"/> — the same planner, tickets and codec as with table-server processes,
/// without sockets. A table a capture point fills is at that capture point's table server; an offline import
/// stays at the coordinator.
/// </summary>
public sealed class EmbeddedTableServers : ITableServerDirectory
{
    private readonly TraceTableStore _store;
    private readonly InProcessFragmentTransport _transport = new();

    /// <summary>
    /// Each table's statistics, computed once per manifest: manifests are immutable and replaced on every write
    /// (and shared through the store's manifest cache), so a new manifest means new statistics. Placing a tenant's
    /// tables happens for every statement; describing each table again cost more than a small query.
    /// </summary>
    private readonly ConditionalWeakTable<TableManifest, FlightInfo> _statistics = new();

    /// <summary>What each in-process table server runs fragments with (stateless, so they share one).</summary>
    private readonly FragmentRunner _runner;

    public EmbeddedTableServers(TraceTableStore store)
    {
        _store = store;
        _runner = new FragmentRunner(Local, _transport);
    }

    /// <summary>How the coordinator addresses the in-process table server <paramref name="tableServer"/>.</summary>
    public static Uri Endpoint(string tableServer) => new("inproc://" + Uri.EscapeDataString(tableServer) + "/");

    /// <summary>
    /// The last placement per tenant, reused while the capture-point list is the same one (it is replaced whenever
    /// the control state changes) and younger than <see cref="PlacementMilliseconds"/>. Listing and opening every
    /// table of the tenant for each statement cost as much as a small query. A table imported since, by another
    /// process, is missing from a reused placement for that long: its scans then run at the coordinator, over the
    /// same store, so results do not change — only the plan's sites and estimates.
    /// </summary>
    private readonly ConcurrentDictionary<string, (IReadOnlyList<DiagnosisTable> Captured, long At, DistributedExecution Execution)> _placements =
        new(StringComparer.Ordinal);

    private const long PlacementMilliseconds = 1000;

    public DistributedExecution For(string tenant, IReadOnlyList<DiagnosisTable> captured)
    {
        var now = Environment.TickCount64;
        if (_placements.TryGetValue(tenant, out var last) && ReferenceEquals(last.Captured, captured) && now - last.At < PlacementMilliseconds)
            return last.Execution;
        var execution = Place(tenant, captured);
        _placements[tenant] = (captured, now, execution);
        return execution;
    }

    private DistributedExecution Place(string tenant, IReadOnlyList<DiagnosisTable> captured)
    {
        var placement = new Placement();
        var endpoints = new Dictionary<Site, Uri>();
        var tables = _store.ListTables(tenant);
        // By table name, first entry winning: one lookup per table instead of a scan of the diagnoses per table.
        var serverOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in captured)
            serverOf.TryAdd(entry.Table.Table, entry.TableServer);
        var labels = TenantSites.Labels(captured);
        var servers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            if (serverOf.TryGetValue(table.Table, out var server))
                (servers.TryGetValue(server, out var list) ? list : servers[server] = []).Add(table.Table);
        }
        var siteOf = new Dictionary<string, Site>(StringComparer.Ordinal);
        foreach (var (server, held) in servers)
        {
            var site = TenantSites.Of(held, labels);
            var endpoint = Endpoint(server);
            _transport.Register(endpoint, _runner);
            endpoints[site] = endpoint;
            foreach (var table in held)
                siteOf[table] = site;
        }
        foreach (var table in tables)
        {
            var site = siteOf.TryGetValue(table.Table, out var s) ? s : Site.Coordinator;
            try
            {
                var opened = _store.OpenTable(table);
                var info = _statistics.GetValue(opened.Manifest, _ => FlightStatistics.Describe(opened, null));
                placement.Place(FlightStatistics.Placement(info, site));
            }
            catch (StorageException)
            {
                // Unplaced, a query over it runs at the coordinator and reports the damage as it always did.
            }
        }
        return new DistributedExecution(placement, endpoints, _transport);
    }

    /// <summary>A table server's own trace table; in process they all share the control server's store.</summary>
    private IBatchSource Local(Scan scan) =>
        new TraceTableBatchSource(_store.OpenTable(new TableRef(scan.Schema, scan.Table)), SegmentPruning.For(scan));
}
