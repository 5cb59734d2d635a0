using Vnd.Executor.Execution;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// Where table rows come from: trace-table segments on disk, a remote Arrow Flight stream, or memory. A source
/// splits itself into <c>partitionCount</c> disjoint parts so scans run on several workers, and reads only the
/// requested columns.
/// </summary>
public interface IBatchSource
{
    IReadOnlyList<SqlType> Types { get; }

    IReadOnlyList<string> Names { get; }

    /// <summary>Reads part <paramref name="partition"/> of <paramref name="partitionCount"/>, producing batches
    /// whose columns are <paramref name="columns"/> in that order.</summary>
    IBatchReader Open(IReadOnlyList<int> columns, int partition, int partitionCount, QueryContext context);
}

/// <summary>A running read of one source partition; each batch stays valid until the next call.</summary>
public interface IBatchReader : IDisposable
{
    Vnd.Executor.Vectors.Batch? Next();

    /// <summary>As <see cref="OperatorStream.TryHandOver"/>: false unless the batch is the reader's own and the
    /// reader may write its next batches into <paramref name="replacement"/> instead (not a view of stored data).</summary>
    bool TryHandOver(Vnd.Executor.Vectors.Batch batch, Vnd.Executor.Vectors.Batch replacement) => false;
}
