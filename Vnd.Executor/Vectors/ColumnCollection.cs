using Vnd.Executor.Execution;
using Vnd.Planner.Types;

namespace Vnd.Executor.Vectors;

/// <summary>
/// Materialised rows: one growable vector per column, addressed by a dense row id. Build sides, sort buffers and
/// group keys live here; appending and reading back are both <see cref="VectorCopy.Gather"/>. Growth is charged
/// to the query's <see cref="MemoryBudget"/> before it happens.
/// </summary>
public sealed class ColumnCollection : IDisposable
{
    private readonly Vector[] _columns;
    private readonly MemoryBudget _memory;
    private readonly BufferRecycler? _buffers;
    private long _reserved;

    /// <param name="capacity">Rows to hold before the first growth: a store that knows it will fill a large
    /// block (a join build's chunk) starts there instead of doubling up to it.</param>
    /// <param name="buffers">When given, the value buffers are rented from it and returned on <see cref="Dispose"/>
    /// (a join build's chunks: nothing reads the columns after the join is disposed).</param>
    public ColumnCollection(IReadOnlyList<SqlType> types, MemoryBudget memory, int capacity = Batch.Capacity,
        BufferRecycler? buffers = null)
    {
        _memory = memory;
        _buffers = buffers;
        _columns = new Vector[types.Count];
        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i] = buffers is null
                ? new Vector(types[i], capacity)
                : new Vector(types[i], capacity, buffers.Rent<byte>(capacity * PhysicalTypes.SizeOf(PhysicalTypes.Of(types[i]))));
            _columns[i].ResetFlat();
        }
        Charge();
    }

    public int Count { get; private set; }

    public int ColumnCount => _columns.Length;

    public Vector Column(int index) => _columns[index];

    /// <summary>Appends the live rows of <paramref name="batch"/> (all its columns); returns the first new row id.</summary>
    public int Append(Batch batch)
    {
        var columns = new Vector[_columns.Length];
        for (var c = 0; c < columns.Length; c++)
            columns[c] = batch[c];
        return Append(columns, batch.Rows);
    }

    /// <summary>Appends rows of individual vectors (one per column).</summary>
    public int Append(ReadOnlySpan<Vector> vectors, ReadOnlySpan<int> rows)
    {
        var first = Count;
        EnsureCapacity(Count + rows.Length);
        for (var c = 0; c < _columns.Length; c++)
            VectorCopy.Gather(vectors[c], rows, _columns[c], first);
        Count += rows.Length;
        Charge();
        return first;
    }

    /// <summary>
    /// Appends every row of <paramref name="parts"/> in order, the columns copied by <paramref name="workers"/>
    /// threads at once (each column by one thread: its validity bits and text heap are not shared). A parallel build
    /// materialises into one part per worker, then concatenates them here.
    /// </summary>
    public void AppendParts(QueryContext context, IReadOnlyList<ColumnCollection> parts, int workers)
    {
        var total = Count;
        foreach (var part in parts)
            total += part.Count;
        EnsureCapacity(total);
        var first = Count;
        ParallelDrain.For(context, Math.Max(1, Math.Min(workers, _columns.Length)), w =>
        {
            for (var c = w; c < _columns.Length; c += workers)
            {
                var at = first;
                foreach (var part in parts)
                {
                    VectorCopy.CopyPrefix(part._columns[c], part.Count, _columns[c], at);
                    at += part.Count;
                }
            }
        });
        Count = total;
        Charge();
    }

    /// <summary>Copies rows <paramref name="ids"/> of column <paramref name="column"/> into dst[offset..].</summary>
    public void Gather(int column, ReadOnlySpan<int> ids, Vector destination, int offset) =>
        VectorCopy.Gather(_columns[column], ids, destination, offset);

    public void Dispose()
    {
        if (_buffers is not null)
        {
            foreach (var column in _columns)
            {
                if (column.Capacity > 0)
                    _buffers.Return(column.ReleaseData());
            }
        }
        _memory.Release(_reserved);
        _reserved = 0;
    }

    private void EnsureCapacity(int rows)
    {
        if (_columns.Length == 0 || rows <= _columns[0].Capacity)
            return;
        var capacity = Math.Max(rows, _columns[0].Capacity * 2);
        long bytes = 0;
        foreach (var column in _columns)
            bytes += (long)(capacity - column.Capacity) * PhysicalTypes.SizeOf(column.PhysicalType);
        _memory.Reserve(bytes);
        _reserved += bytes;
        foreach (var column in _columns)
            column.Grow(capacity, _buffers);
    }

    /// <summary>Charges heap growth (text bytes) not yet reserved.</summary>
    private void Charge()
    {
        long total = 0;
        foreach (var column in _columns)
            total += column.AllocatedBytes;
        if (total > _reserved)
        {
            _memory.Reserve(total - _reserved);
            _reserved = total;
        }
    }
}
