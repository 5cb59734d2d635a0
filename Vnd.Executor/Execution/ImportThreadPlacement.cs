namespace Vnd.Executor.Execution;

/// <summary>
/// Where the threads of an import run: the importing thread — the caller's, which frames, classifies and stages every
/// packet — on <see cref="Importing"/>, and the I/O threads that serve it (the capture's read-ahead, the segment
/// writes and seals) on <see cref="Io"/>. Kept apart, the I/O threads never take the importing thread's CPU from it:
/// left to the scheduler, a thread the importer wakes (a disk write, a free read-ahead chunk) is often placed on the
/// waker's CPU and preempts it, and the importer then moves between CPUs with cold caches. Opt-in: on the 2-CPU
/// development VM it helped only while imports still allocated their buffers afresh (importing thread 0.42 against
/// 0.46 CPU-s per 10M packets, medians of 5 pairs); with the buffer pool and the single-table loop both placements
/// took 0.39 CPU-s and 0.45–0.46 s (medians of 6 idle pairs), and the placed runs had the slower outliers: a thread
/// held to one CPU cannot leave it when something else runs there (docs/benchmarks.md, branch pin). For hosts where an
/// operator wants the import kept to given CPUs.
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
