using System.Runtime.InteropServices;
using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Sorting;

/// <summary>
/// One worker's share of a sort: its rows, their normalised keys, and after <see cref="Sort"/> the row order.
/// With a LIMIT the run is cut back to the best rows whenever it grows well past the limit (top-N), so memory
/// stays proportional to the limit.
/// </summary>
internal sealed class SortRun : IDisposable
{
    private readonly IReadOnlyList<SqlType> _types;
    private readonly MemoryBudget _memory;
    private readonly long? _limit;
    private List<byte> _keys = [];
    private List<int> _ends = [];
    private long _keyReserved;

    public SortRun(IReadOnlyList<SqlType> types, MemoryBudget memory, long? limit)
    {
        _types = types;
        _memory = memory;
        _limit = limit;
        Rows = new ColumnCollection(types, memory);
    }

    public ColumnCollection Rows { get; private set; }

    public int[] Order { get; private set; } = [];

    public void Add(Batch batch, ReadOnlySpan<Vector> keyColumns, SortKeyEncoder encoder)
    {
        var before = _keys.Count;
        encoder.Encode(keyColumns, batch.Rows, _keys, _ends);
        var added = (_keys.Count - before) + (batch.ActiveCount * 4L);
        _memory.Reserve(added);
        _keyReserved += added;
        Rows.Append(batch);
        if (_limit is { } limit && Rows.Count > Math.Max(4 * limit, 65_536))
            Compact((int)limit);
    }

    public ReadOnlySpan<byte> Key(int id)
    {
        var start = id == 0 ? 0 : _ends[id - 1];
        return CollectionsMarshal.AsSpan(_keys).Slice(start, _ends[id] - start);
    }

    /// <summary>Orders the rows by key (ties by arrival, so the sort is stable).</summary>
    public void Sort()
    {
        var order = new int[Rows.Count];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var c = Key(a).SequenceCompareTo(Key(b));
            return c != 0 ? c : a.CompareTo(b);
        });
        Order = order;
    }

    public void Dispose()
    {
        Rows.Dispose();
        _memory.Release(_keyReserved);
        _keyReserved = 0;
    }

    private void Compact(int limit)
    {
        Sort();
        var keep = Order.AsSpan(0, Math.Min(limit, Order.Length));
        var rows = new ColumnCollection(_types, _memory);
        var keys = new List<byte>();
        var ends = new List<int>();
        var columns = new Vector[Rows.ColumnCount];
        for (var c = 0; c < columns.Length; c++)
            columns[c] = Rows.Column(c);
        rows.Append(columns, keep);
        foreach (var id in keep)
        {
            keys.AddRange(Key(id));
            ends.Add(keys.Count);
        }
        Rows.Dispose();
        _memory.Release(_keyReserved);
        _keyReserved = keys.Count + (ends.Count * 4L);
        _memory.Reserve(_keyReserved);
        Rows = rows;
        _keys = keys;
        _ends = ends;
        Order = [];
    }
}
