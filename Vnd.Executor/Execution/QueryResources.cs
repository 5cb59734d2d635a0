namespace Vnd.Executor.Execution;

/// <summary>
/// What a server's queries may use, owned by the server (not static): each query's memory budget, and the total
/// every running query's budget is also charged to, so that neither one tenant's hash build nor many tenants'
/// queries together can drive the process out of memory (53200 instead). The defaults are fractions of the memory
/// the runtime sees (the machine's, or the container's limit). It also owns the worker threads the queries' parallel
/// steps run on (<see cref="WorkerPool"/>); disposing it ends them.
/// </summary>
public sealed class QueryResources : IDisposable
{
    private readonly MemoryBudget _total;

    /// <summary>Room for all the build memory of a 10M-row join on a sparse bigint key with one payload column
    /// (one-hop delay: ~360 MB of chunks, ~200 MB of scatter arrays, ~50 MB of Next/Matched and a ~350 MB slot
    /// table) and most of a second. At 512 MiB a third of it went back to the GC after every such query and was
    /// faulted in again by the next, with a gen-2 collection now and then: the run-to-run swing of that query.</summary>
    public const long DefaultRecycledBytes = 1536L << 20;

    /// <param name="recycledBytes">large operator buffers (join builds) kept between queries for the next one, at
    /// most this many bytes (see <see cref="BufferRecycler"/>); 0 keeps none</param>
    public QueryResources(long queryMemoryBytes, long totalMemoryBytes, long recycledBytes = DefaultRecycledBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queryMemoryBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalMemoryBytes);
        QueryMemoryBytes = queryMemoryBytes;
        _total = new MemoryBudget(totalMemoryBytes);
        Buffers = new BufferRecycler(recycledBytes);
        Workers = WorkerPool.ForMachine();
    }

    /// <summary>The worker threads every query of the server runs its parallel steps on.</summary>
    public WorkerPool Workers { get; }

    /// <summary>The recycler every query of the server rents its large buffers from.</summary>
    public BufferRecycler Buffers { get; }

    /// <summary>The limit of one query's budget.</summary>
    public long QueryMemoryBytes { get; }

    /// <summary>The limit over all running queries.</summary>
    public long TotalMemoryBytes => _total.Limit;

    /// <summary>Bytes the running queries hold now.</summary>
    public long InUse => _total.Used;

    /// <summary>Half of the available memory per query, three quarters for all of them; either may be given instead.</summary>
    public static QueryResources ForMachine(long? queryMemoryBytes = null, long? totalMemoryBytes = null)
    {
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (available <= 0)
            available = 8L << 30;
        var total = totalMemoryBytes ?? (available / 4 * 3);
        // Kept buffers are not charged to any budget: on a small machine keep at most an eighth of its memory.
        return new QueryResources(Math.Min(queryMemoryBytes ?? (available / 2), total), total, Math.Min(DefaultRecycledBytes, available / 8));
    }

    /// <summary>A new query's context: its own budget, charged to the total.</summary>
    public QueryContext NewQuery(CancellationToken cancellation = default) =>
        new(cancellation, new MemoryBudget(QueryMemoryBytes, _total), buffers: Buffers, workers: Workers);

    /// <summary>Ends the parked worker threads (running queries' workers end after their job).</summary>
    public void Dispose() => Workers.Dispose();
}
