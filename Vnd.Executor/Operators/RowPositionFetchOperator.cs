using Vnd.Executor.Execution;
using Vnd.Executor.Scans;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// The second half of a late-materialized scan: its input carries some columns of a trace table and each row's
/// <see cref="RowPosition"/> (a scan of <see cref="TraceTableBatchSource.WithRowPositions"/> after a selective join);
/// this reads the table's other columns for just those rows from the same snapshot's segments. Output column i is
/// input column <see cref="InputColumns"/>[i] when that is not -1, else table column <see cref="TableColumns"/>[i].
/// It must run in the process that scanned the snapshot: a position means nothing to another table server.
/// </summary>
public sealed class RowPositionFetchOperator : PhysicalOperator
{
    public RowPositionFetchOperator(PhysicalOperator input, int positionColumn, TraceTableBatchSource table,
        IReadOnlyList<int> inputColumns, IReadOnlyList<int> tableColumns)
    {
        if (inputColumns.Count != tableColumns.Count)
            throw new ArgumentException("one input or table column per output column", nameof(tableColumns));
        if (input.OutputTypes[positionColumn].Id != TypeId.Int8)
            throw new ArgumentException("the row position column is not int8", nameof(positionColumn));
        Input = input;
        PositionColumn = positionColumn;
        Table = table;
        InputColumns = inputColumns;
        TableColumns = tableColumns;
        var types = new SqlType[inputColumns.Count];
        for (var i = 0; i < types.Length; i++)
            types[i] = inputColumns[i] >= 0 ? input.OutputTypes[inputColumns[i]] : table.Types[tableColumns[i]];
        OutputTypes = types;
    }

    public PhysicalOperator Input { get; }

    public int PositionColumn { get; }

    /// <summary>The snapshot the positions were read from.</summary>
    public TraceTableBatchSource Table { get; }

    public IReadOnlyList<int> InputColumns { get; }

    public IReadOnlyList<int> TableColumns { get; }

    public override IReadOnlyList<SqlType> OutputTypes { get; }

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount)
    {
        // The output batch is this stream's only memory (the segments are mapped); claim it before reading.
        long bytes = 0;
        foreach (var type in OutputTypes)
            bytes += (long)PhysicalTypes.SizeOf(PhysicalTypes.Of(type)) * Batch.Capacity;
        context.Memory.Reserve(bytes);
        try
        {
            return new RowPositionFetchStream(this, Input.Open(context, partition, partitionCount), context, bytes);
        }
        catch
        {
            context.Memory.Release(bytes);
            throw;
        }
    }

    public override string ToString() =>
        $"FetchByRowPosition {Table.Table.Ref.Schema}.{Table.Table.Ref.Table} [{string.Join(", ", FetchedNames())}]";

    private IEnumerable<string> FetchedNames()
    {
        for (var i = 0; i < TableColumns.Count; i++)
        {
            if (InputColumns[i] < 0)
                yield return Table.Names[TableColumns[i]];
        }
    }
}
