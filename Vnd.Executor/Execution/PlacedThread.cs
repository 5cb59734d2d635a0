namespace Vnd.Executor.Execution;

/// <summary>Background threads that run on a <see cref="CpuSet"/> from their first line of work.</summary>
public static class PlacedThread
{
    /// <summary>
    /// Starts a background thread running <paramref name="body"/>, restricted to <paramref name="cpus"/> (null: where the
    /// scheduler puts it). Returns once the thread is placed: a new thread starts with its creator's placement (an
    /// importing thread's CPU), and callers and tests may rely on the placement as soon as they have the thread.
    /// Placement is best effort, as <see cref="CpuSet.TryApplyToCurrentThread"/>.
    /// </summary>
    public static Thread Start(string name, CpuSet? cpus, ThreadStart body)
    {
        if (cpus is null)
        {
            var free = new Thread(body) { IsBackground = true, Name = name };
            free.Start();
            return free;
        }
        using var placed = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            cpus.TryApplyToCurrentThread();
            placed.Set();
            body();
        })
        { IsBackground = true, Name = name };
        thread.Start();
        placed.Wait();
        return thread;
    }
}
