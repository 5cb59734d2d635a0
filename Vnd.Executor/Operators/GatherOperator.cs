using System.Collections.Concurrent;
using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// The exchange that makes a streaming pipeline parallel: runs <c>n</c> partitions of its input on worker
/// threads and hands their batches to one consumer (order is not preserved). Workers copy each batch into a
/// pooled batch because the input's batch is only valid until its next call; a bounded queue gives back-pressure.
/// Operator trees built by hand (tests, bench joins) put one above a streaming pipeline (scan → filter → join probe →
/// project); the physical planner does not place it yet, because it interleaves the partitions' rows where a query
/// without ORDER BY is expected to return them in capture order.
/// </summary>
public sealed class GatherOperator : PhysicalOperator
{
    public GatherOperator(PhysicalOperator input, int? workers = null)
    {
        Input = input;
        Workers = workers;
    }

    public PhysicalOperator Input { get; }

    /// <summary>Partitions to run; the query's parallelism when null.</summary>
    public int? Workers { get; }

    public override IReadOnlyList<SqlType> OutputTypes => Input.OutputTypes;

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        partition == 0 ? new Stream(this, context) : new EmptyStream();

    public override string ToString() => $"Gather workers={Workers?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "auto"}";

    private sealed class Stream : OperatorStream
    {
        private readonly BlockingCollection<Batch> _ready;
        private readonly ConcurrentBag<Batch> _free = [];
        private readonly CancellationTokenSource _stop;
        private readonly Task _producers;
        private readonly IReadOnlyList<SqlType> _types;
        private Batch? _current;

        public Stream(GatherOperator plan, QueryContext context)
        {
            var workers = plan.Workers ?? context.Parallelism;
            _types = plan.OutputTypes;
            _ready = new BlockingCollection<Batch>(workers * 2);
            _stop = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
            var token = _stop.Token;
            _producers = Task.Run(() =>
            {
                try
                {
                    ParallelDrain.Run(context, plan.Input, workers, (_, batch) =>
                    {
                        if (batch.ActiveCount == 0)
                            return;
                        var copy = _free.TryTake(out var reused) ? reused : new Batch(_types);
                        copy.Reset();
                        for (var c = 0; c < copy.ColumnCount; c++)
                            VectorCopy.Gather(batch[c], batch.Rows, copy[c], 0);
                        copy.Count = batch.ActiveCount;
                        _ready.Add(copy, token);
                    });
                }
                finally
                {
                    _ready.CompleteAdding();
                }
            }, CancellationToken.None);
        }

        public override Batch? Next()
        {
            if (_current is not null)
                _free.Add(_current);
            _current = null;
            try
            {
                if (_ready.TryTake(out var batch, Timeout.Infinite))
                    return _current = batch;
            }
            catch (OperationCanceledException)
            {
            }
            // Completed: surface a producer failure (error, cancellation, memory limit) on the consumer.
            _producers.GetAwaiter().GetResult();
            return null;
        }

        protected override void Dispose(bool disposing)
        {
            _stop.Cancel();
            while (_ready.TryTake(out _))
            {
            }
            try
            {
                _producers.Wait();
            }
            catch (AggregateException)
            {
                // The consumer stopped early; producer errors no longer matter.
            }
            _stop.Dispose();
            _ready.Dispose();
        }
    }
}
