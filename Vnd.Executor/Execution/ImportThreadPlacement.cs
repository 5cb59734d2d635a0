namespace Vnd.Executor.Execution;

/// <summary>
/// Where the threads of an import run: the importing thread — the caller's, which frames, classifies and stages every
/// packet — on <see cref="Importing"/>, and the I/O threads that serve it (the capture's read-ahead, the segment
/// writes and seals) on <see cref="Io"/>. Kept apart, the I/O threads never take the importing thread's CPU from it:
/// left to the scheduler, a thread the importer wakes (a disk write, a free read-ahead chunk) is often placed on the
/// waker's CPU and preempts it, and the importer then moves between CPUs with cold caches. On the 2-CPU development
/// VM the importing thread used 0.42–0.46 CPU-s per 10M packets placed so against 0.45–0.61 unplaced, and the import
/// took 0.46–0.52 s against 0.46–0.64 s (docs/benchmarks.md, branch pin).
/// </summary>
/// <param name="Importing">the CPUs of the importing thread (one, so its caches stay warm)</param>
/// <param name="Io">the CPUs of the I/O threads: the others</param>
public sealed record ImportThreadPlacement(CpuSet Importing, CpuSet Io)
{
    /// <summary>
    /// The calling thread's allowed CPUs split in two: the one it is running on for the importing thread, the rest for
    /// the I/O threads. Null when there is nothing to split (one allowed CPU) or the CPUs cannot be asked (not Linux):
    /// then an import runs unplaced.
    /// </summary>
    public static ImportThreadPlacement? SplitCurrentCpus()
    {
        var allowed = CpuSet.OfCurrentThread();
        if (allowed is null || allowed.Count < 2)
            return null;
        var cpu = CpuSet.CurrentCpu();
        if (!allowed.Contains(cpu))
            cpu = allowed.Cpus.First();
        var importing = CpuSet.Of(cpu);
        return new ImportThreadPlacement(importing, allowed.Except(importing));
    }
}
