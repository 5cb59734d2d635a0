using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

/// <summary>Batches of ids that never end: partition p of n produces batches p, p+n, ... numbered by sequence.</summary>
internal sealed class EndlessSource : IBatchSource
{
    private int _open;

    public int OpenReaders => Volatile.Read(ref _open);

    public IReadOnlyList<SqlType> Types { get; } = [SqlType.Int8];

    public IReadOnlyList<string> Names { get; } = ["id"];

    public IBatchReader Open(IReadOnlyList<int> columns, int partition, int partitionCount, QueryContext context)
    {
        Interlocked.Increment(ref _open);
        return new Reader(this, partition, partitionCount);
    }

    private sealed class Reader(EndlessSource source, int partition, int partitionCount) : IBatchReader
    {
        private readonly Batch _batch = new([SqlType.Int8]);
        private long _next = partition;

        public Batch? Next()
        {
            _batch.Reset();
            var values = _batch[0].Data<long>();
            for (var i = 0; i < Batch.Capacity; i++)
                values[i] = _next * Batch.Capacity + i;
            _batch.Count = Batch.Capacity;
            _batch.Sequence = _next;
            _next += partitionCount;
            return _batch;
        }

        public void Dispose() => Interlocked.Decrement(ref source._open);
    }
}
