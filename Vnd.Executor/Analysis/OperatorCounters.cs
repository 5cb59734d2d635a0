using System.Diagnostics;

namespace Vnd.Executor.Analysis;

/// <summary>
/// What EXPLAIN ANALYZE reports for one plan node: rows and batches it produced, how many streams (partitions)
/// were opened on it, and the time spent inside its Open and Next calls (its inputs included). Updated once per
/// batch with interlocked adds, because the partitions of a node run on several worker threads.
/// </summary>
public sealed class OperatorCounters
{
    private long _rows;
    private long _batches;
    private long _loops;
    private long _ticks;

    public long Rows => Interlocked.Read(ref _rows);

    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Streams opened: 1, or the number of partitions a parallel parent drained it as.</summary>
    public long Loops => Interlocked.Read(ref _loops);

    /// <summary>Time inside the node's calls, summed over its streams (so over worker threads when parallel).</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    internal void AddLoop(long ticks)
    {
        Interlocked.Increment(ref _loops);
        Interlocked.Add(ref _ticks, ticks);
    }

    internal void AddBatch(int rows, long ticks)
    {
        Interlocked.Add(ref _rows, rows);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _ticks, ticks);
    }

    internal void AddTime(long ticks) => Interlocked.Add(ref _ticks, ticks);
}
