using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>min(x)/max(x) over any fixed-width layout ordered by IComparable (PostgreSQL's orderings live in
/// PgInterval and InetValue).</summary>
public sealed class MinMaxAccumulator<T>(MemoryBudget memory, bool max) : Accumulator(memory)
    where T : unmanaged, IComparable<T>
{
    private T[] _values = [];
    private bool[] _seen = [];

    public override void Resize(int count)
    {
        Grow(ref _values, count);
        Grow(ref _seen, count);
    }

    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var data = input!.Data<T>();
        var stride = input.IsConstant ? 0 : 1;
        for (var k = 0; k < rows.Length; k++)
        {
            var r = rows[k] * stride;
            if (input.Validity.IsValid(r))
                Offer(groups[k], data[r]);
        }
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (MinMaxAccumulator<T>)other;
        for (var g = 0; g < map.Length; g++)
        {
            if (o._seen[g])
                Offer(map[g], o._values[g]);
        }
    }

    public override void Finish(int first, int count, Vector output)
    {
        var data = output.Data<T>();
        for (var i = 0; i < count; i++)
        {
            if (_seen[first + i])
                data[i] = _values[first + i];
            else
                output.SetNull(i);
        }
    }

    private void Offer(int g, T value)
    {
        if (!_seen[g])
        {
            _seen[g] = true;
            _values[g] = value;
            return;
        }
        var c = value.CompareTo(_values[g]);
        if (max ? c > 0 : c < 0)
            _values[g] = value;
    }
}
