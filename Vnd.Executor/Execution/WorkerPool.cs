namespace Vnd.Executor.Execution;

/// <summary>
/// Worker threads of one engine (owned by its <see cref="QueryResources"/>, not static), lent to the parallel steps
/// of its queries (<see cref="ParallelDrain"/>, a gather's partitions). Starting a thread per step cost the short
/// queries dear on this 2-core machine under load: RTT one host pair started six, and the join's finishing steps
/// waited 20–30 ms for new threads to get a core (benchmarks.md, branch short). A worker that finishes its job
/// parks here for the next one; a step takes only parked workers and starts a fresh thread when none is parked, so
/// a query never waits for another query's worker. Threads, not the .NET thread pool: workers block on shared
/// state (a join's build) and nest parallel drains, which would starve a pool that grows slowly.
/// At most <see cref="Keep"/> workers stay parked; one parked longer than the idle timeout ends, so a pool nobody
/// disposes holds no threads for long. Disposing ends the parked workers now and the busy ones after their job.
/// </summary>
public sealed class WorkerPool : IDisposable
{
    private readonly object _lock = new();
    private readonly List<Worker> _parked = [];
    private readonly TimeSpan _idle;
    private bool _disposed;
    private long _started;

    /// <param name="keep">workers kept parked between jobs at most; 0 keeps none (every job starts a thread and the
    /// thread ends with it, for callers with no engine behind them)</param>
    /// <param name="idle">how long a parked worker waits for a job before it ends (default one minute)</param>
    public WorkerPool(int keep, TimeSpan? idle = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        Keep = keep;
        _idle = idle ?? TimeSpan.FromMinutes(1);
    }

    /// <summary>A pool for a machine's engine: room for two nested parallel steps of every core (a join build
    /// under an aggregate's workers, under a gather) and a second query's.</summary>
    public static WorkerPool ForMachine() => new(Math.Max(4, 4 * Environment.ProcessorCount));

    public int Keep { get; }

    /// <summary>Workers parked now.</summary>
    public int Parked
    {
        get
        {
            lock (_lock)
                return _parked.Count;
        }
    }

    /// <summary>Threads started so far (a parked worker reused starts none).</summary>
    public long Started => Interlocked.Read(ref _started);

    /// <summary>
    /// Runs <paramref name="body"/>(<paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> - 1),
    /// each on its own worker, and returns at once; <see cref="WorkerGroup.Join"/> waits for them all. The body is
    /// expected to catch its own errors; one that escapes is rethrown by the join.
    /// </summary>
    public WorkerGroup Start(int first, int count, Action<int> body)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var group = new WorkerGroup(count);
        for (var i = 0; i < count; i++)
        {
            Worker? worker = null;
            lock (_lock)
            {
                if (_parked.Count > 0)
                {
                    worker = _parked[^1];
                    _parked.RemoveAt(_parked.Count - 1);
                }
            }
            if (worker is null)
            {
                worker = new Worker(this);
                Interlocked.Increment(ref _started);
                worker.Begin(body, first + i, group);
                worker.Thread.Start();
            }
            else
            {
                worker.Begin(body, first + i, group);
            }
        }
        return group;
    }

    /// <summary>Called by a worker that finished its job: true when it is parked for another.</summary>
    private bool Park(Worker worker)
    {
        lock (_lock)
        {
            if (_disposed || _parked.Count >= Keep)
                return false;
            _parked.Add(worker);
            return true;
        }
    }

    /// <summary>Called by a parked worker whose wait timed out: true when it left the pool (no job was given to it
    /// meanwhile) and may end.</summary>
    private bool Leave(Worker worker)
    {
        lock (_lock)
            return _parked.Remove(worker);
    }

    public void Dispose()
    {
        Worker[] parked;
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            parked = [.. _parked];
            _parked.Clear();
        }
        foreach (var worker in parked)
            worker.End();
    }

    /// <summary>One thread of the pool: runs the job it is given, then parks until the next or its end.</summary>
    private sealed class Worker
    {
        private readonly WorkerPool _pool;
        // Monitor, not System.Threading.Lock: the thread waits on it for its next job.
        private readonly object _gate = new();
        private Action<int>? _body;
        private int _argument;
        private WorkerGroup? _group;
        private bool _ended;

        public Worker(WorkerPool pool)
        {
            _pool = pool;
            Thread = new Thread(Loop) { IsBackground = true, Name = "vnd-worker" };
        }

        public Thread Thread { get; }

        public void Begin(Action<int> body, int argument, WorkerGroup group)
        {
            lock (_gate)
            {
                _body = body;
                _argument = argument;
                _group = group;
                Monitor.Pulse(_gate);
            }
        }

        public void End()
        {
            lock (_gate)
            {
                _ended = true;
                Monitor.Pulse(_gate);
            }
        }

        private void Loop()
        {
            while (true)
            {
                Action<int> body;
                int argument;
                WorkerGroup group;
                lock (_gate)
                {
                    while (_body is null)
                    {
                        if (_ended)
                            return;
                        if (!Monitor.Wait(_gate, _pool._idle) && _body is null && !_ended && _pool.Leave(this))
                            return;
                    }
                    body = _body;
                    argument = _argument;
                    group = _group!;
                    _body = null;
                    _group = null;
                }
                Exception? escaped = null;
                try
                {
                    body(argument);
                }
                catch (Exception e)
                {
                    escaped = e;
                }
                // Parked before the group hears it is done, so the query's next step (a join's next phase) finds
                // this worker instead of starting a thread.
                var parked = _pool.Park(this);
                group.Done(escaped);
                if (!parked)
                    return;
            }
        }
    }
}

/// <summary>The jobs of one <see cref="WorkerPool.Start"/>: <see cref="Join"/> waits until all have run.</summary>
public sealed class WorkerGroup
{
    private readonly object _gate = new();
    private int _remaining;
    private Exception? _escaped;

    internal WorkerGroup(int count) => _remaining = count;

    internal void Done(Exception? escaped)
    {
        lock (_gate)
        {
            _escaped ??= escaped;
            if (--_remaining == 0)
                Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits for every job of the group; rethrows an exception that escaped a job's body.</summary>
    public void Join()
    {
        lock (_gate)
        {
            while (_remaining > 0)
                Monitor.Wait(_gate);
        }
        if (_escaped is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(_escaped).Throw();
    }
}
