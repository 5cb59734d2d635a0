using Vnd.Executor.Execution;
using Vnd.Executor.Scans;

namespace Vnd.Executor.Operators;

/// <summary>
/// A source that tests a scan's simple filter conjuncts on its stored values while reading (trace tables), so
/// rows that fail are never copied into batches.
/// </summary>
public interface IFilteringBatchSource : IBatchSource
{
    /// <summary>As <see cref="IBatchSource.Open"/>, producing only rows that pass <paramref name="predicate"/>,
    /// whose terms name positions in <paramref name="columns"/>.</summary>
    IBatchReader Open(IReadOnlyList<int> columns, int partition, int partitionCount, QueryContext context, ScanPredicate predicate);
}
