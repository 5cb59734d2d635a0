using System.Runtime.ExceptionServices;
using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators;

/// <summary>
/// A running <see cref="GatherOperator"/>. One worker per partition (a thread of the engine's
/// <see cref="QueryContext.Workers"/>) drains that partition of the input.
/// A dense batch of more than half a batch that the input can give away (a scan directly below, see
/// <see cref="OperatorStream.TryHandOver"/>; not through a projection) is queued as it is, the input getting a batch
/// of this stream's pool to fill next, so its rows are not copied again. Other batches are only valid until the
/// input's next call, so their live rows are copied (packed) into a batch of the pool; full batches are queued for
/// the consumer, at most <see cref="GatherQueues.Depth"/> per partition (back-pressure), which takes them in the order <see cref="GatherQueues"/> decides. A batch handed to the consumer goes back to the pool on the consumer's next call, so
/// no worker overwrites rows the consumer still reads. Workers run under a view of the query context whose
/// cancellation also fires when the consumer stops early, so a LIMIT stops them within a batch; the first failure
/// of a worker (an error with its SQLSTATE, cancellation, the memory limit) stops the others and is rethrown
/// unwrapped on the consumer. Dedicated threads, not the .NET thread pool: workers block on shared state (a join's
/// build) and nest parallel drains, which would starve a pool that grows slowly.
/// </summary>
internal sealed class GatherStream : OperatorStream
{
    // Monitor, not System.Threading.Lock: consumer and workers wait on it for each other.
    private readonly object _gate = new();
    private readonly GatherQueues _queues;

    /// <summary>Each partition's batch being filled, touched only by its worker: small outputs (a selective filter, an
    /// anti join's few rows per probe batch) are packed up to a full batch, so a handover costs per batch, not per
    /// few rows. One batch holds one sequence, so the merge's order stays exact.</summary>
    private readonly Batch?[] _filling;
    private readonly Stack<Batch> _free = new();
    private readonly WorkerGroup _workers;
    private readonly CancellationTokenSource _stop;
    private readonly QueryContext _context;
    private readonly long _batchBytes;
    private long _reserved;
    private Exception? _failure;
    private bool _stopped;
    private Batch? _current;
    private int _consumerWaiting;

    public GatherStream(GatherOperator plan, QueryContext context, int workers)
    {
        _context = context;
        _queues = new GatherQueues(workers, plan.Ordered);
        _filling = new Batch?[workers];
        _batchBytes = BatchBytes(plan);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        var contexts = new QueryContext[workers];
        // The partitions' scans claim record batches from shared cursors: a worker that loses its core for a while
        // leaves its share to the others instead of holding the merge up until it runs again.
        var morsels = workers > 1 ? new ScanMorsels(workers) : null;
        for (var p = 0; p < workers; p++)
        {
            var partition = p;
            var progress = plan.Ordered && plan.DrivingScan is { } driver ? new ScanProgress(driver, sequence => Advance(partition, sequence)) : null;
            contexts[p] = context.ForExchangeWorker(_stop.Token, progress, morsels);
        }
        _workers = context.Workers.Start(0, workers, p => Work(plan.Input, contexts[p], p, workers));
    }

    public override Batch? Next()
    {
        lock (_gate)
        {
            if (_current is not null)
            {
                _free.Push(_current);
                _current = null;
            }
            // Set before the merge reads any progress (both sides use full fences), so a worker that advances
            // after that read sees the flag and wakes this wait.
            Interlocked.Exchange(ref _consumerWaiting, 1);
            try
            {
                while (true)
                {
                    if (_failure is not null)
                        ExceptionDispatchInfo.Capture(_failure).Throw();
                    var state = _queues.TryTake(out _current);
                    if (state == GatherQueues.Take.Done)
                        return null;
                    if (state == GatherQueues.Take.Wait)
                    {
                        Monitor.Wait(_gate);
                        continue;
                    }
                    Monitor.PulseAll(_gate);
                    return _current;
                }
            }
            finally
            {
                Interlocked.Exchange(ref _consumerWaiting, 0);
            }
        }
    }

    /// <summary>A worker's driving scan read a batch of <paramref name="sequence"/>.</summary>
    private void Advance(int partition, long sequence)
    {
        // Rows of an earlier sequence must be queued before the new progress lets the merge pass them by. On the
        // worker's thread (the driving scan runs in its pipeline); when stopped, the worker ends at its next check.
        if (_filling[partition] is { } filling && filling.Sequence != sequence)
            Flush(partition);
        _queues.Advance(partition, sequence);
        if (Volatile.Read(ref _consumerWaiting) == 0)
            return;
        lock (_gate)
            Monitor.PulseAll(_gate);
    }

    private void Work(PhysicalOperator input, QueryContext context, int partition, int partitions)
    {
        try
        {
            using var stream = input.Open(context, partition, partitions);
            while (stream.Next() is { } batch)
            {
                context.CheckCancelled();
                var rows = batch.ActiveCount;
                if (rows == 0)
                    continue;
                if (rows > Batch.Capacity / 2 && !batch.HasSelection)
                {
                    // A batch worth queuing on its own: after any packed rows before it (scan order), take it from
                    // the stream instead of copying it, giving the stream a batch of the pool to fill next.
                    if (!Flush(partition))
                        return;
                    var spare = Rent(input);
                    if (stream.TryHandOver(batch, spare))
                    {
                        if (!Put(partition, batch))
                            return;
                        continue;
                    }
                    spare.Reset();
                    spare.Sequence = batch.Sequence;
                    _filling[partition] = spare;
                }
                var filling = _filling[partition];
                if (filling is not null && (filling.Sequence != batch.Sequence || filling.Count + rows > Batch.Capacity))
                {
                    if (!Flush(partition))
                        return;
                    filling = null;
                }
                if (filling is null)
                {
                    filling = _filling[partition] = Rent(input);
                    filling.Reset();
                    filling.Sequence = batch.Sequence;
                }
                for (var c = 0; c < filling.ColumnCount; c++)
                    VectorCopy.Gather(batch[c], batch.Rows, filling[c], filling.Count);
                filling.Count += rows;
            }
            if (Flush(partition))
                Finish(partition, null);
        }
        catch (Exception e)
        {
            Finish(partition, e);
        }
    }

    /// <summary>A free batch of the pool, or a new one reserved against the query's memory budget.</summary>
    private Batch Rent(PhysicalOperator input)
    {
        lock (_gate)
        {
            if (_free.TryPop(out var batch))
                return batch;
        }
        _context.Memory.Reserve(_batchBytes);
        Interlocked.Add(ref _reserved, _batchBytes);
        return new Batch(input.OutputTypes);
    }

    /// <summary>Queues the partition's filling batch, if any; false when the consumer has stopped.</summary>
    private bool Flush(int partition)
    {
        if (_filling[partition] is not { } filling)
            return true;
        _filling[partition] = null;
        return Put(partition, filling);
    }

    /// <summary>Queues a partition's batch once there is room; false when the consumer has stopped.</summary>
    private bool Put(int partition, Batch batch)
    {
        lock (_gate)
        {
            while (_queues.IsFull(partition) && !_stopped && _failure is null)
                Monitor.Wait(_gate);
            if (_stopped || _failure is not null)
                return false;
            _queues.Enqueue(partition, batch);
            Monitor.PulseAll(_gate);
            return true;
        }
    }

    private void Finish(int partition, Exception? error)
    {
        var first = false;
        lock (_gate)
        {
            _queues.Finish(partition);
            // The first failure is the cause; later ones are the other workers being stopped because of it.
            if (error is not null && !_stopped && _failure is null)
            {
                _failure = error;
                first = true;
            }
            Monitor.PulseAll(_gate);
        }
        if (first)
            _stop.Cancel();
    }

    /// <summary>The pooled batch's fixed-width buffers; variable-length values grow beyond it as vectors do elsewhere.</summary>
    private static long BatchBytes(GatherOperator plan)
    {
        long bytes = 0;
        foreach (var type in plan.OutputTypes)
            bytes += (long)Batch.Capacity * PhysicalTypes.SizeOf(PhysicalTypes.Of(type)) + Batch.Capacity / 8;
        return bytes;
    }

    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            if (_stopped)
                return;
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
        _stop.Cancel();
        _workers.Join();
        _stop.Dispose();
        _context.Memory.Release(Interlocked.Exchange(ref _reserved, 0));
    }
}
