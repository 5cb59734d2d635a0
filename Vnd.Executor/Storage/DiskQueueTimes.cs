using System.Diagnostics;

namespace Vnd.Executor.Storage;

/// <summary>
/// Where a <see cref="SegmentDiskQueue"/>'s time went: the write thread's writes, the seal thread's fsyncs, renames
/// and manifests, and the producer's waits for a free chunk or at the final drain. The waits are the part of the
/// disk's time the import itself felt; the rest ran beside it. Updated under the queue's lock.
/// </summary>
public sealed class DiskQueueTimes
{
    internal long WritingTicks;
    internal long SealingTicks;
    internal long ChunkWaitTicks;
    internal long DrainWaitTicks;

    /// <summary>The write thread's time in <c>write</c> calls.</summary>
    public TimeSpan Writing => Stopwatch.GetElapsedTime(0, WritingTicks);

    /// <summary>The seal thread's time sealing segments, discarding files and publishing manifests.</summary>
    public TimeSpan Sealing => Stopwatch.GetElapsedTime(0, SealingTicks);

    /// <summary>The producer's time waiting for a free chunk (the disk fell behind the import).</summary>
    public TimeSpan WaitingForChunks => Stopwatch.GetElapsedTime(0, ChunkWaitTicks);

    /// <summary>The producer's time waiting for the queued work to finish (at a commit).</summary>
    public TimeSpan WaitingAtDrain => Stopwatch.GetElapsedTime(0, DrainWaitTicks);

    internal void Add(bool write, long ticks)
    {
        if (write)
            WritingTicks += ticks;
        else
            SealingTicks += ticks;
    }

    public override string ToString() =>
        $"writing {Writing.TotalMilliseconds:F0} ms, sealing {Sealing.TotalMilliseconds:F0} ms, " +
        $"waited for chunks {WaitingForChunks.TotalMilliseconds:F0} ms, at the drain {WaitingAtDrain.TotalMilliseconds:F0} ms";
}
