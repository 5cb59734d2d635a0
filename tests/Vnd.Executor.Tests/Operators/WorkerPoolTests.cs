using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

/// <summary>
/// The engine's worker threads: parallel steps reuse parked workers instead of starting threads, a failing or
/// cancelled step leaves the pool usable, one query never waits for another's worker, and disposing (or idling)
/// ends the threads.
/// </summary>
public sealed class WorkerPoolTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Runs a two-worker step and returns the thread worker 1 ran on.</summary>
    private static Thread Step(QueryContext context)
    {
        Thread? worker = null;
        ParallelDrain.For(context, 2, w =>
        {
            if (w == 1)
                worker = Thread.CurrentThread;
        });
        return worker!;
    }

    [Fact]
    public void Consecutive_steps_and_queries_reuse_one_parked_worker()
    {
        using var pool = new WorkerPool(4);
        var threads = new List<Thread>();
        for (var query = 0; query < 3; query++)
        {
            using var context = new QueryContext(parallelism: 2, workers: pool);
            threads.Add(Step(context));
            threads.Add(Step(context));
        }

        Assert.Equal(1, pool.Started);
        Assert.Single(threads.Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, threads[0].ManagedThreadId);
        Assert.Equal(1, pool.Parked);
    }

    [Fact]
    public void A_gather_runs_its_partitions_on_parked_workers_the_second_time()
    {
        using var pool = new WorkerPool(4);
        var table = InMemoryTable.FromRows([SqlType.Int8], Enumerable.Range(0, 20 * Batch.Capacity).Select(i => new object?[] { (long)i }));

        Assert.Equal(20 * Batch.Capacity, Plans.Run(new GatherOperator(Plans.Scan(table)), parallelism: 2, workers: pool).Count);
        var started = pool.Started;
        Assert.Equal(20 * Batch.Capacity, Plans.Run(new GatherOperator(Plans.Scan(table)), parallelism: 2, workers: pool).Count);

        Assert.Equal(2, started);
        Assert.Equal(2, pool.Started);
    }

    [Fact]
    public void An_error_in_a_worker_is_rethrown_and_the_worker_is_kept()
    {
        using var pool = new WorkerPool(4);
        using var context = new QueryContext(parallelism: 2, workers: pool);
        var first = Step(context);

        var error = Assert.Throws<ExecutionException>(() => ParallelDrain.For(context, 2, w =>
        {
            if (w == 1)
                throw new ExecutionException(SqlState.DivisionByZero, "division by zero");
        }));

        Assert.Equal("22012", error.SqlState);
        Assert.Same(first, Step(context));
        Assert.Equal(1, pool.Started);
    }

    [Fact]
    public void An_exception_escaping_a_job_reaches_the_join_and_the_worker_survives()
    {
        using var pool = new WorkerPool(2);
        var group = pool.Start(0, 1, _ => throw new InvalidOperationException("escaped"));

        Assert.Equal("escaped", Assert.Throws<InvalidOperationException>(group.Join).Message);
        var ran = 0;
        pool.Start(0, 1, _ => Interlocked.Increment(ref ran)).Join();
        Assert.Equal(1, ran);
        Assert.Equal(1, pool.Started);
    }

    [Fact]
    public void A_cancelled_gather_gives_its_workers_back_to_the_pool()
    {
        using var pool = new WorkerPool(4);
        using var cancel = new CancellationTokenSource();
        using (var context = new QueryContext(cancel.Token, parallelism: 2, workers: pool))
            Assert.Equal("57014", GatherTests.CancelRunningGather(context, cancel, new EndlessSource()).SqlState);

        Assert.Equal(2, pool.Parked);
        var table = InMemoryTable.FromRows([SqlType.Int8], Enumerable.Range(0, 4 * Batch.Capacity).Select(i => new object?[] { (long)i }));
        Assert.Equal(4 * Batch.Capacity, Plans.Run(new GatherOperator(Plans.Scan(table)), parallelism: 2, workers: pool).Count);
        Assert.Equal(2, pool.Started);
    }

    [Fact]
    public async Task A_query_does_not_wait_for_a_worker_another_query_holds()
    {
        using var pool = new WorkerPool(4);
        using var release = new ManualResetEventSlim();
        using var holding = new ManualResetEventSlim();
        using var first = new QueryContext(parallelism: 2, workers: pool);
        using var second = new QueryContext(parallelism: 2, workers: pool);
        Step(first);

        // The first query's worker blocks until released; the second query's step must finish meanwhile.
        var blocked = Task.Run(() => ParallelDrain.For(first, 2, w =>
        {
            if (w == 1)
            {
                holding.Set();
                release.Wait(Patience);
            }
        }));
        Assert.True(holding.Wait(Patience));
        var other = await Task.Run(() => Step(second)).WaitAsync(Patience);

        Assert.False(blocked.IsCompleted);
        Assert.Equal(2, pool.Started);
        release.Set();
        await blocked.WaitAsync(Patience);
        Assert.True(other.IsAlive);
        Assert.Equal(2, pool.Parked);
    }

    [Fact]
    public void Disposing_ends_the_parked_workers_and_later_steps_still_run()
    {
        var pool = new WorkerPool(4);
        using var context = new QueryContext(parallelism: 2, workers: pool);
        var worker = Step(context);

        pool.Dispose();

        Assert.True(worker.Join(Patience));
        Assert.Equal(0, pool.Parked);
        var after = Step(context);
        Assert.NotSame(worker, after);
        Assert.True(after.Join(Patience));
    }

    [Fact]
    public void A_worker_parked_longer_than_the_idle_time_ends()
    {
        using var pool = new WorkerPool(4, TimeSpan.FromMilliseconds(50));
        using var context = new QueryContext(parallelism: 2, workers: pool);

        var worker = Step(context);

        Assert.True(worker.Join(Patience));
        Assert.Equal(0, pool.Parked);
        Assert.NotSame(worker, Step(context));
    }

    [Fact]
    public void A_pool_that_keeps_none_ends_each_thread_with_its_job()
    {
        using var context = new QueryContext(parallelism: 2);

        var worker = Step(context);

        Assert.True(worker.Join(Patience));
        Assert.Equal(0, context.Workers.Parked);
    }

    [Theory]
    [InlineData(100, 16, 1)]
    [InlineData(ParallelDrain.InlineRows - 1, 16, 1)]
    [InlineData(ParallelDrain.InlineRows, 16, 2)]
    [InlineData(ParallelDrain.InlineRows, 1, 1)]
    public void Small_steps_run_on_the_calling_thread(int rows, int pieces, int expected) =>
        Assert.Equal(expected, ParallelDrain.Split(2, rows, pieces));
}
