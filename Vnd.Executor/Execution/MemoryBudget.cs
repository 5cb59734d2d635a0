using Vnd.Planner.Errors;
namespace Vnd.Executor.Execution;

/// <summary>
/// A per-query memory allowance. Hash tables, materialised rows and sort buffers reserve bytes before they grow,
/// so a query that would exceed the limit fails fast with SQLSTATE 53200 instead of driving the process into an
/// OutOfMemoryException. Thread-safe: parallel workers of one query share it.
/// </summary>
public sealed class MemoryBudget
{
    private readonly MemoryBudget? _parent;
    private long _used;
    private long _peak;

    /// <param name="limitBytes">what this budget may hold</param>
    /// <param name="parent">a budget every reservation is also charged to: the server's total over all running queries</param>
    public MemoryBudget(long limitBytes, MemoryBudget? parent = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limitBytes);
        Limit = limitBytes;
        _parent = parent;
    }

    /// <summary>No practical limit (tests, trusted internal queries).</summary>
    public static MemoryBudget Unlimited() => new(long.MaxValue);

    public long Limit { get; }

    public long Used => Interlocked.Read(ref _used);

    public long Peak => Interlocked.Read(ref _peak);

    /// <summary>Claims <paramref name="bytes"/>, or throws 53200 and claims nothing.</summary>
    public void Reserve(long bytes)
    {
        if (bytes <= 0)
            return;
        var now = Interlocked.Add(ref _used, bytes);
        if (now > Limit || now < 0)
        {
            Interlocked.Add(ref _used, -bytes);
            throw new ExecutionException(SqlState.OutOfMemory,
                $"out of memory: the query needs more than its limit of {Limit / (1024 * 1024)} MB ({Limit} bytes)");
        }
        if (_parent is not null)
        {
            try
            {
                _parent.Reserve(bytes);
            }
            catch (ExecutionException)
            {
                Interlocked.Add(ref _used, -bytes);
                throw new ExecutionException(SqlState.OutOfMemory,
                    $"out of memory: the running queries together need more than the server's limit of {_parent.Limit / (1024 * 1024)} MB");
            }
        }
        long peak;
        while (now > (peak = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }
    }

    public void Release(long bytes)
    {
        if (bytes <= 0)
            return;
        Interlocked.Add(ref _used, -bytes);
        _parent?.Release(bytes);
    }
}
