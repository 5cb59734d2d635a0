using Vnd.Executor.Execution;
using Vnd.Executor.Operators.Hashing;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// sum/avg/string_agg/array_agg/… (DISTINCT x): each worker keeps the distinct (group, x) pairs — a hash set of
/// their encoded bytes beside the values themselves — and nothing else. Merging unions the sets, and only at
/// <see cref="Finish"/> are the surviving values fed to the aggregate's own accumulator. Deferring the inner
/// aggregate is what makes parallel workers correct: two workers that both saw x must not both add it.
/// NULL is one value here, as in PostgreSQL: array_agg(DISTINCT x) keeps a single NULL, sum ignores it.
/// </summary>
public sealed class DistinctAccumulator : Accumulator
{
    private readonly Accumulator _inner;
    private readonly int _orderKeys;
    private readonly KeyEncoder _encoder;
    private readonly GroupValueSet _pairs;
    private readonly ColumnCollection _values;
    private readonly int[] _newRows = new int[Batch.Capacity];
    private readonly int[] _feedRows = new int[Batch.Capacity];
    private int[] _groupOf = [];
    private int _groups;
    private bool _fed;

    /// <param name="inner">The aggregate's accumulator, fed each distinct value once.</param>
    /// <param name="orderKeys">ORDER BY keys of an ordered inner accumulator: with DISTINCT they are the argument
    /// itself (PostgreSQL requires it, 42P10 otherwise), so the value is passed as each key.</param>
    public DistinctAccumulator(MemoryBudget memory, SqlType type, Accumulator inner, int orderKeys)
        : base(memory)
    {
        _inner = inner;
        _orderKeys = orderKeys;
        _encoder = new KeyEncoder([PhysicalTypes.Of(type)], nullsAreValues: true);
        _pairs = new GroupValueSet(memory);
        _values = new ColumnCollection([type], memory);
    }

    public override void Resize(int count) => _groups = Math.Max(_groups, count);

    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        _encoder.Encode([input!], rows);
        var fresh = 0;
        for (var k = 0; k < rows.Length; k++)
        {
            if (_pairs.Add(groups[k], _encoder.Key(k)))
                _newRows[fresh++] = k;
        }
        Keep(input!, rows, groups, fresh);
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (DistinctAccumulator)other;
        var source = o._values.Column(0);
        // Pair e of the other worker is its value row e (both are appended only when a pair is new).
        for (var start = 0; start < o._pairs.Count; start += Batch.Capacity)
        {
            var end = Math.Min(o._pairs.Count, start + Batch.Capacity);
            var fresh = 0;
            for (var e = start; e < end; e++)
            {
                var group = map[o._pairs.Group(e)];
                if (_pairs.Add(group, o._pairs.Value(e)))
                {
                    _feedRows[fresh] = group;
                    _newRows[fresh++] = e;
                }
            }
            _values.Append([source], _newRows.AsSpan(0, fresh));
            AppendGroups(_feedRows.AsSpan(0, fresh));
        }
    }

    public override void Finish(int first, int count, Vector output)
    {
        if (!_fed)
        {
            Feed();
            _fed = true;
        }
        _inner.Finish(first, count, output);
    }

    public override void Dispose()
    {
        _pairs.Dispose();
        _values.Dispose();
        _inner.Dispose();
        base.Dispose();
    }

    /// <summary>Copies the values of the batch's new pairs (their positions k in <see cref="_newRows"/>).</summary>
    private void Keep(Vector input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups, int fresh)
    {
        if (fresh == 0)
            return;
        for (var j = 0; j < fresh; j++)
        {
            var k = _newRows[j];
            _feedRows[j] = groups[k];
            _newRows[j] = rows[k];
        }
        _values.Append([input], _newRows.AsSpan(0, fresh));
        AppendGroups(_feedRows.AsSpan(0, fresh));
    }

    private void AppendGroups(ReadOnlySpan<int> groups)
    {
        var at = _values.Count - groups.Length;
        Grow(ref _groupOf, _values.Count);
        groups.CopyTo(_groupOf.AsSpan(at));
    }

    /// <summary>Feeds every distinct value to the aggregate, a batch at a time.</summary>
    private void Feed()
    {
        _inner.Resize(_groups);
        var values = _values.Column(0);
        var keys = new Vector[_orderKeys];
        keys.AsSpan().Fill(values);
        for (var start = 0; start < _values.Count; start += Batch.Capacity)
        {
            var n = Math.Min(Batch.Capacity, _values.Count - start);
            var rows = _feedRows.AsSpan(0, n);
            for (var i = 0; i < n; i++)
                rows[i] = start + i;
            var groups = _groupOf.AsSpan(start, n);
            if (_inner is OrderedAccumulator ordered)
                ordered.Update(values, keys, rows, groups);
            else
                _inner.Update(values, rows, groups);
        }
    }
}
