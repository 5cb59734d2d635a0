namespace Vnd.Executor.Execution;

/// <summary>
/// The record batches of the table scans under one parallel drain (an exchange's or a pipeline breaker's workers),
/// handed out one at a time to whichever partition asks next instead of split by a fixed stride. A fixed split
/// makes the drain as slow as its slowest worker: on a 2-core machine shared with other processes one worker
/// loses its core for a few milliseconds, the other runs out of its half and waits, and a 40 ms query takes 80.
/// With a shared cursor the worker that runs takes the batches the other would have read.
/// <para>Partitions meet at a scan by the order in which each opens it: the k-th opening of a scan in partition
/// p shares its cursor with the k-th opening of the same scan in every other partition (a pipeline opens the same
/// scans in the same order in every partition), so a scan opened again, once per partition, reads all its
/// batches again, as with the stride.</para>
/// </summary>
public sealed class ScanMorsels
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(object Scan, int Opening), MorselCursor> _cursors = [];
    private readonly Dictionary<object, int>[] _openings;

    public ScanMorsels(int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 2);
        _openings = new Dictionary<object, int>[partitions];
        for (var p = 0; p < partitions; p++)
            _openings[p] = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
    }

    /// <summary>Partitions of the drain.</summary>
    public int Partitions => _openings.Length;

    /// <summary>
    /// The cursor partition <paramref name="partition"/> of <paramref name="partitionCount"/> claims
    /// <paramref name="scan"/>'s record batches from, or null when the scan is not split over this drain's
    /// partitions (opened with another count, e.g. as a single partition below a LIMIT) and keeps its own order.
    /// </summary>
    public MorselCursor? Open(object scan, int partition, int partitionCount)
    {
        if (partitionCount != Partitions || (uint)partition >= (uint)Partitions)
            return null;
        lock (_gate)
        {
            var openings = _openings[partition];
            var opening = openings.GetValueOrDefault(scan);
            openings[scan] = opening + 1;
            if (!_cursors.TryGetValue((scan, opening), out var cursor))
                _cursors[(scan, opening)] = cursor = new MorselCursor();
            return cursor;
        }
    }
}

/// <summary>The next unclaimed record batch of one scan, counting over all its segments; shared by the partitions.</summary>
public sealed class MorselCursor
{
    private long _next;

    /// <summary>A record batch index no other partition gets; successive claims of one partition increase.</summary>
    public long Claim() => Interlocked.Increment(ref _next) - 1;
}
