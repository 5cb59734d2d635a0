using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// The aggregates that fold each group's values with one associative operation — min/max over any fixed-width
/// layout ordered by IComparable (PostgreSQL's orderings live in PgInterval and InetValue), bool_and/bool_or and
/// bit_and/bit_or — NULL inputs ignored, NULL for a group that saw none. The operation is a struct type argument,
/// so the JIT compiles one loop per (layout, operation) with the operation inlined.
/// </summary>
public sealed class FoldAccumulator<T, TFold>(MemoryBudget memory) : Accumulator(memory)
    where T : unmanaged
    where TFold : struct, IFold<T>
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
        var o = (FoldAccumulator<T, TFold>)other;
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
        if (_seen[g])
        {
            _values[g] = TFold.Combine(_values[g], value);
            return;
        }
        _seen[g] = true;
        _values[g] = value;
    }
}
