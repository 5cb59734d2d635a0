using System.Runtime.ExceptionServices;
using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Execution;

/// <summary>
/// Morsel-style parallel input for pipeline breakers: opens the child as <c>n</c> partitions and drains each on
/// its own worker, handing every batch to a per-worker sink. The first failure (error, cancellation, memory limit)
/// is rethrown unwrapped on the calling thread.
/// </summary>
public static class ParallelDrain
{
    public static void Run(QueryContext context, PhysicalOperator child, int workers, Action<int, Batch> sink)
    {
        if (workers <= 1)
        {
            Drain(context, child, 0, 1, sink);
            return;
        }
        // The workers' scans hand out record batches dynamically (ScanMorsels), so a worker that loses its core is
        // not waited for: the others read what it would have.
        var shared = context.ForDrainWorkers(new ScanMorsels(workers));
        For(context, workers, w => Drain(shared, child, w, workers, sink));
    }

    /// <summary>Below this many rows a step over rows already in memory (a join build's count, scatter and index)
    /// runs on the calling thread: waking a second worker and waiting for it to get a core costs more than the
    /// step, which takes well under a millisecond at this size.</summary>
    public const int InlineRows = 1 << 16;

    /// <summary>How many workers a step over <paramref name="rows"/> in-memory rows, split into
    /// <paramref name="pieces"/> pieces, should use of the <paramref name="workers"/> it may: one when small.</summary>
    public static int Split(int workers, long rows, int pieces) =>
        rows < InlineRows ? 1 : Math.Max(1, Math.Min(workers, pieces));

    /// <summary>
    /// Runs <paramref name="body"/> for 0..workers-1 in parallel, rethrowing the first error unwrapped. Worker 0
    /// runs on the calling thread and the others on workers of the engine's <see cref="QueryContext.Workers"/>
    /// (parked threads, not new ones per step). A caller whose step is small passes one worker: it then runs inline.
    /// </summary>
    public static void For(QueryContext context, int workers, Action<int> body)
    {
        if (workers <= 1)
        {
            body(0);
            return;
        }
        var errors = new Exception?[workers];
        var group = context.Workers.Start(1, workers - 1, worker =>
        {
            try
            {
                body(worker);
            }
            catch (Exception e)
            {
                errors[worker] = e;
            }
        });
        try
        {
            body(0);
        }
        catch (Exception e)
        {
            errors[0] = e;
        }
        group.Join();
        var first = errors.FirstOrDefault(x => x is ExecutionException) ?? errors.FirstOrDefault(x => x is not null);
        if (first is not null)
            ExceptionDispatchInfo.Capture(first).Throw();
    }

    private static void Drain(QueryContext context, PhysicalOperator child, int partition, int count, Action<int, Batch> sink)
    {
        using var stream = child.Open(context, partition, count);
        while (stream.Next() is { } batch)
        {
            context.CheckCancelled();
            sink(partition, batch);
        }
    }
}
