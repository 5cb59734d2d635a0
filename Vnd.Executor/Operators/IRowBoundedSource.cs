using Vnd.Executor.Execution;

namespace Vnd.Executor.Operators;

/// <summary>
/// A source that can size its batches to the rows a scan may return at most (a filterless scan under a LIMIT). A
/// small query's scan otherwise allocates full <see cref="Vectors.Batch.Capacity"/>-row vectors to return ten rows:
/// under pgbench that was a quarter of the bytes a <c>LIMIT 10</c> query allocated.
/// </summary>
public interface IRowBoundedSource : IBatchSource
{
    /// <summary>As <see cref="IBatchSource.Open"/>, with batches of at most <paramref name="rowBound"/> rows (≥ 1).</summary>
    IBatchReader Open(IReadOnlyList<int> columns, int partition, int partitionCount, QueryContext context, int rowBound);
}
