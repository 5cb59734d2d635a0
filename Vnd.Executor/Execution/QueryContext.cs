using System.Collections.Concurrent;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Execution;

/// <summary>
/// Everything one running query shares across its operators and threads: cancellation (checked once per batch),
/// the memory budget, the degree of parallelism, and state built once and used by several partitions (a join's
/// hash table).
/// </summary>
public sealed class QueryContext : IDisposable
{
    private readonly ConcurrentDictionary<object, Lazy<object>> _shared;
    private readonly bool _ownsShared;

    /// <param name="buffers">The engine's recycler of large operator buffers; null gives the query one that keeps
    /// nothing (each rent allocates), for callers with no engine behind them.</param>
    /// <param name="workers">The engine's worker threads; null gives the query a pool that keeps none (each parallel
    /// step starts its threads), for callers with no engine behind them.</param>
    public QueryContext(CancellationToken cancellation = default, MemoryBudget? memory = null, int parallelism = 0,
        BufferRecycler? buffers = null, WorkerPool? workers = null)
    {
        Buffers = buffers ?? new BufferRecycler(0);
        Workers = workers ?? new WorkerPool(0);
        _shared = new(ReferenceEqualityComparer.Instance);
        _ownsShared = true;
        Cancellation = cancellation;
        Memory = memory ?? MemoryBudget.Unlimited();
        Parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;
    }

    private QueryContext(QueryContext query, CancellationToken cancellation, ScanProgress? progress, ScanMorsels? morsels)
    {
        _shared = query._shared;
        Cancellation = cancellation;
        Memory = query.Memory;
        Buffers = query.Buffers;
        Workers = query.Workers;
        Parallelism = query.Parallelism;
        Progress = progress;
        Morsels = morsels;
    }

    /// <summary>
    /// The same query (memory, parallelism, shared state) for one worker of an exchange: under a cancellation token
    /// that also fires when the exchange's consumer stops early (a LIMIT reached), so the worker stops within a
    /// batch, and with the worker's <paramref name="progress"/>. The shared state stays the query's; disposing the
    /// view releases nothing.
    /// </summary>
    public QueryContext ForExchangeWorker(CancellationToken cancellation, ScanProgress? progress, ScanMorsels? morsels) =>
        new(this, cancellation, progress, morsels);

    /// <summary>The same query for the workers of a pipeline breaker's parallel drain, whose scans share
    /// <paramref name="morsels"/> (cancellation and progress stay this context's).</summary>
    public QueryContext ForDrainWorkers(ScanMorsels morsels) => new(this, Cancellation, Progress, morsels);

    /// <summary>Where the table scans of a parallel drain's partitions claim record batches; null outside one (a scan
    /// then splits by a fixed stride).</summary>
    public ScanMorsels? Morsels { get; }

    /// <summary>Where the table scans of an exchange worker report how far they have read; null elsewhere.</summary>
    public ScanProgress? Progress { get; }

    public CancellationToken Cancellation { get; }

    public MemoryBudget Memory { get; }

    /// <summary>Where large operator buffers are rented from and returned to (owned by the engine, shared by its
    /// queries); renting charges nothing, the operator reserves from <see cref="Memory"/> first.</summary>
    public BufferRecycler Buffers { get; }

    /// <summary>Where the parallel steps of the query get their worker threads (owned by the engine, shared by its
    /// queries; see <see cref="WorkerPool"/>).</summary>
    public WorkerPool Workers { get; }

    /// <summary>Worker threads a pipeline breaker may use to drain its input.</summary>
    public int Parallelism { get; }

    /// <summary>Throws 57014 when the query was cancelled. Operators call it once per batch.</summary>
    public void CheckCancelled()
    {
        if (Cancellation.IsCancellationRequested)
            throw new ExecutionException(SqlState.QueryCanceled, "canceling statement due to user request");
    }

    /// <summary>The state stored under <paramref name="owner"/>, created by the first caller; others wait for it.</summary>
    public T Shared<T>(object owner, Func<T> create) where T : class =>
        (T)_shared.GetOrAdd(owner, _ => new Lazy<object>(() => create(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>Releases shared state (join hash tables) and its memory reservation.</summary>
    public void Dispose()
    {
        if (!_ownsShared)
            return;
        foreach (var entry in _shared.Values)
        {
            if (entry.IsValueCreated && entry.Value is IDisposable disposable)
                disposable.Dispose();
        }
        _shared.Clear();
    }
}
