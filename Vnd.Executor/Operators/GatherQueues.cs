using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators;

/// <summary>
/// The batches an exchange's partitions have queued for its consumer, which partitions are finished, and how far
/// each has read its driving scan: which batch the consumer takes next. Not thread-safe: <see cref="GatherStream"/>
/// calls it under its gate; only the progress is written without it (by the workers' scans) and read volatile.
/// </summary>
internal sealed class GatherQueues
{
    /// <summary>Batches a partition may have queued ahead of the consumer.</summary>
    public const int Depth = 4;

    private readonly bool _ordered;
    private readonly Queue<Batch>[] _ready;
    private readonly bool[] _finished;
    private readonly long[] _progress;
    private int _next;

    public GatherQueues(int partitions, bool ordered)
    {
        _ordered = ordered;
        _ready = new Queue<Batch>[partitions];
        for (var p = 0; p < partitions; p++)
            _ready[p] = new Queue<Batch>(Depth);
        _finished = new bool[partitions];
        _progress = new long[partitions];
        Array.Fill(_progress, long.MinValue);
    }

    public enum Take
    {
        Taken,
        Wait,
        Done,
    }

    public bool IsFull(int partition) => _ready[partition].Count >= Depth;

    public void Enqueue(int partition, Batch batch) => _ready[partition].Enqueue(batch);

    public void Finish(int partition) => _finished[partition] = true;

    /// <summary>The partition's driving scan has read a batch of <paramref name="sequence"/>; a full fence, so a
    /// flag the worker reads next is not read before this write is visible.</summary>
    public void Advance(int partition, long sequence) => Interlocked.Exchange(ref _progress[partition], sequence);

    /// <summary>The next batch for the consumer, or whether to wait for the workers or stop.</summary>
    public Take TryTake(out Batch? batch)
    {
        var state = _ordered ? NextInOrder() : NextAvailable();
        batch = state == Take.Taken ? _ready[_next].Dequeue() : null;
        return state;
    }

    /// <summary>
    /// The partition whose head batch comes first in scan order, by (sequence, partition): ties go to the lower
    /// partition, which is also one partition's order for sources that do not number their batches. A partition
    /// with nothing queued holds the choice up unless it is finished or its driving scan has read past the head
    /// (its rows to come are at or after the sequence it reached), so a filter that drops a partition's rows for
    /// a long stretch does not stop the others.
    /// </summary>
    private Take NextInOrder()
    {
        var best = -1;
        long bestSequence = 0;
        for (var p = 0; p < _ready.Length; p++)
        {
            if (_ready[p].Count > 0 && (best < 0 || _ready[p].Peek().Sequence < bestSequence))
            {
                best = p;
                bestSequence = _ready[p].Peek().Sequence;
            }
        }
        for (var q = 0; q < _ready.Length; q++)
        {
            if (_ready[q].Count > 0 || _finished[q])
                continue;
            if (best < 0)
                return Take.Wait;
            var reached = Volatile.Read(ref _progress[q]);
            if (reached < bestSequence || (reached == bestSequence && q < best))
                return Take.Wait;
        }
        if (best < 0)
            return Take.Done;
        _next = best;
        return Take.Taken;
    }

    /// <summary>Any partition's head, round robin so no partition waits behind a faster one.</summary>
    private Take NextAvailable()
    {
        var pending = false;
        for (var i = 1; i <= _ready.Length; i++)
        {
            var p = (_next + i) % _ready.Length;
            if (_ready[p].Count > 0)
            {
                _next = p;
                return Take.Taken;
            }
            pending |= !_finished[p];
        }
        return pending ? Take.Wait : Take.Done;
    }
}
