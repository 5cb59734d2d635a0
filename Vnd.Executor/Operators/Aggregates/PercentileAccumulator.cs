using System.Runtime.InteropServices;
using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Sorting;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// percentile_cont / percentile_disc (f) and mode() WITHIN GROUP (ORDER BY x): ordered-set aggregates, so every non-NULL
/// value is kept (charged to the budget) and each group is sorted at the end. Values of all groups live in one
/// column; <c>_groupOf</c> says which group each belongs to. percentile_disc orders by normalised sort keys so
/// it works for every type and honours DESC; percentile_cont runs over float8 and reads DESC as 1 - f.
/// </summary>
public sealed class PercentileAccumulator(MemoryBudget memory, AggregateCall call) : Accumulator(memory)
{
    private readonly ColumnCollection _values = new([call.Argument!.Type], memory);
    private readonly List<int> _groupOf = [];
    private readonly int[] _rows = new int[Batch.Capacity];
    private int _groups;

    public override void Resize(int count) => _groups = Math.Max(_groups, count);

    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        for (var start = 0; start < rows.Length; start += _rows.Length)
        {
            var n = 0;
            var end = Math.Min(rows.Length, start + _rows.Length);
            for (var k = start; k < end; k++)
            {
                if (!input!.IsValid(rows[k]))
                    continue;
                _rows[n++] = rows[k];
                _groupOf.Add(groups[k]);
            }
            _values.Append([input!], _rows.AsSpan(0, n));
        }
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (PercentileAccumulator)other;
        var ids = Enumerable.Range(0, o._values.Count).ToArray();
        _values.Append([o._values.Column(0)], ids);
        foreach (var g in o._groupOf)
            _groupOf.Add(map[g]);
    }

    public override void Finish(int first, int count, Vector output)
    {
        var members = GroupMembers.Of(_groupOf, first, count);
        var column = _values.Column(0);
        (List<byte>, List<int>)? keys = call.Kind != AggregateKind.PercentileCont ? EncodeKeys(column) : null;
        for (var g = 0; g < count; g++)
        {
            if (members[g] is not { Count: > 0 } ids)
            {
                output.SetNull(g);
                continue;
            }
            if (call.Fractions is { } fractions)
                Several(fractions, column, ids, keys, output, g);
            else if (keys is null)
                output.Set(g, Continuous(column, ids));
            else
                VectorCopy.Gather(column, [call.Kind == AggregateKind.Mode ? Mode(keys.Value, ids) : Discrete(keys.Value, ids)], output, g);
        }
    }

    public override void Dispose()
    {
        _values.Dispose();
        base.Dispose();
    }

    /// <summary>percentile_cont/disc(float8[]): one sort, a result per fraction (NULL for a NULL fraction).</summary>
    private void Several(IReadOnlyList<double?> fractions, Vector column, List<int> ids, (List<byte>, List<int>)? keys, Vector output, int g)
    {
        var writer = new ArrayWriter(PhysicalTypes.Of(call.Kind == AggregateKind.PercentileCont ? Planner.Types.SqlType.Float8 : column.Type));
        var value = new Vector(Planner.Types.SqlType.Float8, 1);
        writer.Begin();
        foreach (var fraction in fractions)
        {
            if (fraction is not { } f)
            {
                writer.AddNull();
                continue;
            }
            if (keys is null)
            {
                value.ResetFlat();
                value.Set(0, Continuous(column, ids, f));
                writer.AddFrom(value, 0);
            }
            else
            {
                writer.AddFrom(column, Discrete(keys.Value, ids, f));
            }
        }
        writer.WriteTo(output, g);
    }

    private double Continuous(Vector column, List<int> ids) => Continuous(column, ids, call.Fraction);

    /// <summary>PostgreSQL: linear interpolation between rows floor(f·(n-1)) and ceil(f·(n-1)).</summary>
    private double Continuous(Vector column, List<int> ids, double f)
    {
        var sorted = new double[ids.Count];
        for (var i = 0; i < sorted.Length; i++)
            sorted[i] = column.Get<double>(ids[i]);
        Array.Sort(sorted);
        var fraction = call.Descending ? 1 - f : f;
        var position = fraction * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    /// <summary>PostgreSQL: the first value whose position in the ordering reaches f, i.e. row max(ceil(f·n), 1).</summary>
    private int Discrete((List<byte> Bytes, List<int> Ends) keys, List<int> ids) => Discrete(keys, ids, call.Fraction);

    private static int Discrete((List<byte> Bytes, List<int> Ends) keys, List<int> ids, double fraction)
    {
        var sorted = ids.ToArray();
        Array.Sort(sorted, (a, b) => Key(keys, a).SequenceCompareTo(Key(keys, b)));
        var row = (long)Math.Ceiling(fraction * sorted.Length);
        return sorted[(int)Math.Clamp(row - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The value of the longest run of equal keys in sort order; the earliest run wins a tie (PostgreSQL).</summary>
    private static int Mode((List<byte> Bytes, List<int> Ends) keys, List<int> ids)
    {
        var sorted = ids.ToArray();
        Array.Sort(sorted, (a, b) => Key(keys, a).SequenceCompareTo(Key(keys, b)));
        int best = sorted[0], bestRun = 0, run = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            run = i > 0 && Key(keys, sorted[i]).SequenceEqual(Key(keys, sorted[i - 1])) ? run + 1 : 1;
            if (run > bestRun)
            {
                bestRun = run;
                best = sorted[i];
            }
        }
        return best;
    }

    private (List<byte>, List<int>) EncodeKeys(Vector column)
    {
        var encoder = new SortKeyEncoder([new SortKey(Expr.Column(0, column.Type), call.Descending)]);
        var bytes = new List<byte>();
        var ends = new List<int>();
        encoder.Encode([column], Enumerable.Range(0, _values.Count).ToArray(), bytes, ends);
        return (bytes, ends);
    }

    private static ReadOnlySpan<byte> Key((List<byte> Bytes, List<int> Ends) keys, int id)
    {
        var start = id == 0 ? 0 : keys.Ends[id - 1];
        return CollectionsMarshal.AsSpan(keys.Bytes).Slice(start, keys.Ends[id] - start);
    }
}
