using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Sorting;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// string_agg / array_agg (x ORDER BY k, …): the values and their keys are kept (charged to the budget), and each
/// group's rows are sorted by key at the end and fed in that order to the plain accumulator of the aggregate, which
/// then finishes as usual. Workers' states merge by concatenation, so parallel aggregation keeps the order.
/// Ties keep arrival order (PostgreSQL leaves it unspecified).
/// </summary>
public sealed class OrderedAccumulator : Accumulator
{
    private readonly AggregateCall _call;
    private readonly ColumnCollection _rows;
    private readonly List<int> _groupOf = [];
    private readonly SortKeyEncoder _encoder;
    private readonly Vector[] _staged;
    private int _groups;

    public OrderedAccumulator(MemoryBudget memory, AggregateCall call)
        : base(memory)
    {
        _call = call;
        _rows = new ColumnCollection([call.Argument!.Type, .. call.OrderKeys.Select(k => k.Expression.Type)], memory);
        // The keys are read back from the stored columns 1..n, so the encoder sees column references to them.
        _encoder = new SortKeyEncoder(call.OrderKeys.Select((k, i) => k with { Expression = Expr.Column(i + 1, k.Expression.Type) }).ToArray());
        _staged = new Vector[1 + call.OrderKeys.Count];
    }

    public override void Resize(int count) => _groups = Math.Max(_groups, count);

    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups) =>
        throw new InvalidOperationException("an ordered aggregate is updated with its keys");

    /// <summary>Keeps the rows' values and ORDER BY keys for their groups.</summary>
    public void Update(Vector input, ReadOnlySpan<Vector> keys, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        _staged[0] = input;
        keys.CopyTo(_staged.AsSpan(1));
        _rows.Append(_staged, rows);
        foreach (var g in groups)
            _groupOf.Add(g);
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (OrderedAccumulator)other;
        var ids = Enumerable.Range(0, o._rows.Count).ToArray();
        var columns = new Vector[o._rows.ColumnCount];
        for (var c = 0; c < columns.Length; c++)
            columns[c] = o._rows.Column(c);
        _rows.Append(columns, ids);
        foreach (var g in o._groupOf)
            _groupOf.Add(map[g]);
    }

    public override void Finish(int first, int count, Vector output)
    {
        var members = GroupMembers.Of(_groupOf, first, count);
        var keyColumns = new Vector[_rows.ColumnCount];
        for (var c = 0; c < keyColumns.Length; c++)
            keyColumns[c] = _rows.Column(c);
        using var plain = _call.CreatePlainAccumulator(Memory);
        plain.Resize(count);
        var keys = new List<byte>();
        var ends = new List<int>();
        for (var g = 0; g < count; g++)
        {
            if (members[g] is not { Count: > 0 } ids)
                continue;
            var sorted = Sorted(keyColumns, ids, keys, ends);
            var groups = new int[sorted.Length];
            Array.Fill(groups, g);
            plain.Update(_rows.Column(0), sorted, groups);
        }
        plain.Finish(0, count, output);
    }

    public override void Dispose()
    {
        _rows.Dispose();
        base.Dispose();
    }

    /// <summary>The group's row ids in key order, ties in arrival order.</summary>
    private int[] Sorted(Vector[] columns, List<int> ids, List<byte> keys, List<int> ends)
    {
        keys.Clear();
        ends.Clear();
        var rows = ids.ToArray();
        _encoder.Encode(columns.AsSpan(1), rows, keys, ends);
        var order = new int[rows.Length];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        var bytes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys).ToArray();
        var endArray = ends.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = Key(bytes, endArray, a).SequenceCompareTo(Key(bytes, endArray, b));
            return c != 0 ? c : a.CompareTo(b);
        });
        var sorted = new int[rows.Length];
        for (var i = 0; i < sorted.Length; i++)
            sorted[i] = rows[order[i]];
        return sorted;
    }

    private static ReadOnlySpan<byte> Key(byte[] keys, int[] ends, int i)
    {
        var start = i == 0 ? 0 : ends[i - 1];
        return keys.AsSpan(start, ends[i] - start);
    }
}
