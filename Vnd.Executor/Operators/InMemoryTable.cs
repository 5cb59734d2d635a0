using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// A table held in memory as full batches: small catalog tables, query results kept for reuse, and test data.
/// Readers hand out views of the stored vectors, so scanning copies nothing. Partition p of n reads batches
/// p, p+n, p+2n, ...
/// </summary>
public sealed class InMemoryTable : IBatchSource
{
    private readonly List<Batch> _batches = [];

    public InMemoryTable(IReadOnlyList<SqlType> types, IReadOnlyList<string>? names = null)
    {
        Types = types;
        Names = names ?? Enumerable.Range(0, types.Count).Select(i => $"c{i}").ToArray();
    }

    public IReadOnlyList<SqlType> Types { get; }

    public IReadOnlyList<string> Names { get; }

    public long RowCount => _batches.Sum(b => (long)b.Count);

    /// <summary>The stored batches (full ones, then the tail), for operators that gather from kept results.</summary>
    public IReadOnlyList<Batch> Batches => _batches;

    /// <summary>Appends one row of boxed values (see <see cref="VectorValues"/> for the CLR types).</summary>
    public void AppendRow(params object?[] values)
    {
        var batch = Tail();
        var row = batch.Count++;
        for (var c = 0; c < Types.Count; c++)
            VectorValues.Set(batch[c], row, values[c]);
    }

    /// <summary>
    /// Appends one row and returns where it is, for a writer that fills the row's vectors in place (typed, without
    /// boxing; columns no reader asks for may stay unset).
    /// </summary>
    public (Batch Batch, int Row) AppendRow()
    {
        var batch = Tail();
        return (batch, batch.Count++);
    }

    /// <summary>Copies the live rows of a batch in.</summary>
    public void Append(Batch source)
    {
        var rows = source.Rows;
        while (!rows.IsEmpty)
        {
            var batch = Tail();
            var n = Math.Min(rows.Length, Batch.Capacity - batch.Count);
            for (var c = 0; c < Types.Count; c++)
                VectorCopy.Gather(source[c], rows[..n], batch[c], batch.Count);
            batch.Count += n;
            rows = rows[n..];
        }
    }

    public static InMemoryTable FromRows(IReadOnlyList<SqlType> types, IEnumerable<object?[]> rows, IReadOnlyList<string>? names = null)
    {
        var table = new InMemoryTable(types, names);
        foreach (var row in rows)
            table.AppendRow(row);
        return table;
    }

    public IBatchReader Open(IReadOnlyList<int> columns, int partition, int partitionCount, QueryContext context) =>
        new Reader(this, columns, partition, partitionCount);

    private Batch Tail()
    {
        if (_batches.Count == 0 || _batches[^1].Count == Batch.Capacity)
        {
            var batch = new Batch(Types);
            batch.Reset();
            _batches.Add(batch);
        }
        return _batches[^1];
    }

    private sealed class Reader(InMemoryTable table, IReadOnlyList<int> columns, int partition, int partitionCount) : IBatchReader
    {
        private readonly Batch _view = new(columns.Count);
        private int _next = partition;

        public Batch? Next()
        {
            if (_next >= table._batches.Count)
                return null;
            var stored = table._batches[_next];
            for (var c = 0; c < columns.Count; c++)
                _view[c] = stored[columns[c]];
            _view.Count = stored.Count;
            _view.Sequence = _next;
            _view.ClearSelection();
            _next += partitionCount;
            return _view;
        }

        public void Dispose()
        {
        }
    }
}
