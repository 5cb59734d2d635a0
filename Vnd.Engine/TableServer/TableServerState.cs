using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Remote;
using Vnd.Executor.Scans;
using Vnd.Executor.Storage;
using Vnd.Planner.Logical;

namespace Vnd.Engine.TableServer;

/// <summary>
/// What every Flight call of one table server shares: its trace-table store (opened once, which also recovers
/// from a crash and reloads the segments), the connections it uses to pull other sites' fragments, and the token.
/// </summary>
public sealed class TableServerState : IDisposable
{
    public TableServerState(TableServerOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.Token);
        Options = options;
        Store = new TraceTableStore(options.DataDirectory);
        Connections = new TableServerConnections(options.Token);
        Runner = new FragmentRunner(LocalTable, Connections);
    }

    public TableServerOptions Options { get; }

    public TraceTableStore Store { get; }

    public TableServerConnections Connections { get; }

    public FragmentRunner Runner { get; }

    public RunningFragments Running { get; } = new();

    /// <summary>The memory limits and worker threads of the plan fragments this table server runs (the machine's defaults).</summary>
    public QueryResources Queries { get; } = QueryResources.ForMachine();

    private long _listings;

    /// <summary>How many ListFlights calls this server answered: a control server in steady state makes none.</summary>
    public long Listings => Interlocked.Read(ref _listings);

    public void Listed() => Interlocked.Increment(ref _listings);

    /// <summary>The catalog version of the tables now (see <see cref="TableServer.CatalogVersion"/>).</summary>
    public string CatalogVersion() => TableServer.CatalogVersion.Of(Store);

    /// <summary>A local trace table as a scan source, skipping segments the scan's min/max hints rule out.</summary>
    private IBatchSource LocalTable(Scan scan) =>
        new TraceTableBatchSource(Store.OpenTable(new TableRef(scan.Schema, scan.Table)), SegmentPruning.For(scan));

    public void Dispose()
    {
        Connections.Dispose();
        Queries.Dispose();
    }
}
