using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Remote;

/// <summary>
/// A fragment's operators read as a table, the in-process counterpart of <see cref="RemoteBatchSource"/>: one
/// partition (partition 0 runs the fragment, the others are empty), only the requested columns passed on.
/// </summary>
public sealed class OperatorBatchSource(PhysicalOperator fragment, IReadOnlyList<string> names) : IBatchSource
{
    public IReadOnlyList<SqlType> Types => fragment.OutputTypes;

    public IReadOnlyList<string> Names => names;

    public IBatchReader Open(IReadOnlyList<int> columns, int partition, int partitionCount, QueryContext context)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, partitionCount);
        return new Reader(partition == 0 ? fragment.Open(context) : null, columns.ToArray());
    }

    /// <summary>A view over the fragment's batches: the requested columns, the same rows and selection, no copy.</summary>
    private sealed class Reader(OperatorStream? stream, int[] columns) : IBatchReader
    {
        private readonly Batch _view = new(columns.Length);

        public Batch? Next()
        {
            if (stream?.Next() is not { } batch)
                return null;
            for (var c = 0; c < columns.Length; c++)
                _view[c] = batch[columns[c]];
            _view.ViewRowsOf(batch);
            return _view;
        }

        public void Dispose() => stream?.Dispose();
    }
}
