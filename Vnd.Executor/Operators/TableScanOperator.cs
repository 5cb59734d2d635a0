using Vnd.Executor.Execution;
using Vnd.Executor.Scans;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// Reads the chosen columns of a source; partition p of the scan is partition p of the source. With a
/// <see cref="Predicate"/> (only over an <see cref="IFilteringBatchSource"/>) it returns only the rows that pass it.
/// </summary>
public sealed class TableScanOperator : PhysicalOperator
{
    public TableScanOperator(IBatchSource source, IReadOnlyList<int>? columns = null, string? name = null, ScanPredicate? predicate = null)
    {
        if (predicate is not null && source is not IFilteringBatchSource)
            throw new ArgumentException($"{source.GetType().Name} cannot apply a scan predicate", nameof(predicate));
        Source = source;
        Columns = columns ?? Enumerable.Range(0, source.Types.Count).ToArray();
        OutputTypes = Columns.Select(c => source.Types[c]).ToArray();
        Name = name;
        Predicate = predicate;
    }

    public IBatchSource Source { get; }

    public IReadOnlyList<int> Columns { get; }

    public string? Name { get; }

    /// <summary>Filter terms the source tests on stored values while reading, or null.</summary>
    public ScanPredicate? Predicate { get; }

    public override IReadOnlyList<SqlType> OutputTypes { get; }

    public override IReadOnlyList<PhysicalOperator> Children => [];

    /// <summary>The most rows the plan takes from this scan (a filterless scan under a LIMIT), or null.</summary>
    public long? Fetch { get; init; }

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        new Stream(this, Predicate is not null
            ? ((IFilteringBatchSource)Source).Open(Columns, partition, partitionCount, context, Predicate)
            : Fetch < Batch.Capacity && Source is IRowBoundedSource bounded
                ? bounded.Open(Columns, partition, partitionCount, context, (int)Math.Max(1, Fetch.Value))
                : Source.Open(Columns, partition, partitionCount, context), context);

    public override string ToString() =>
        $"Scan {Name ?? Source.GetType().Name} [{string.Join(", ", Columns.Select(c => Source.Names[c]))}]" + (Predicate is null ? "" : $" where {Predicate}");

    private sealed class Stream(TableScanOperator plan, IBatchReader reader, QueryContext context) : OperatorStream
    {
        public override Batch? Next()
        {
            context.CheckCancelled();
            var batch = reader.Next();
            if (batch is not null)
                context.Progress?.Report(plan, batch.Sequence);
            return batch;
        }

        public override bool TryHandOver(Batch batch, Batch replacement) => reader.TryHandOver(batch, replacement);

        protected override void Dispose(bool disposing) => reader.Dispose();
    }
}
