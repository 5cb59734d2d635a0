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
        For(workers, w => Drain(shared, child, w, workers, sink));
    }

    /// <summary>
    /// Runs <paramref name="body"/> for 0..workers-1 in parallel, rethrowing the first error unwrapped. Worker 0
    /// runs on the calling thread and the others on dedicated threads, not the thread pool: breakers nest (a join
    /// build inside an aggregate's workers) and block on shared state, which would starve a pool that grows slowly.
    /// </summary>
    public static void For(int workers, Action<int> body)
    {
        if (workers <= 1)
        {
            body(0);
            return;
        }
        var errors = new Exception?[workers];
        var threads = new Thread[workers - 1];
        for (var w = 1; w < workers; w++)
        {
            var worker = w;
            threads[w - 1] = new Thread(() =>
            {
                try
                {
                    body(worker);
                }
                catch (Exception e)
                {
                    errors[worker] = e;
                }
            })
            { IsBackground = true, Name = $"vnd-worker-{worker}" };
            threads[w - 1].Start();
        }
        try
        {
            body(0);
        }
        catch (Exception e)
        {
            errors[0] = e;
        }
        foreach (var t in threads)
            t.Join();
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
