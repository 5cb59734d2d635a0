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
        For(workers, w => Drain(context, child, w, workers, sink));
    }

    /// <summary>Runs <paramref name="body"/> for 0..workers-1 in parallel, rethrowing the first error unwrapped.</summary>
    public static void For(int workers, Action<int> body)
    {
        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, body);
        }
        catch (AggregateException e)
        {
            var first = e.Flatten().InnerExceptions.FirstOrDefault(x => x is ExecutionException) ?? e.Flatten().InnerExceptions[0];
            ExceptionDispatchInfo.Capture(first).Throw();
        }
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
