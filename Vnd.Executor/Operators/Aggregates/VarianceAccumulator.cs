using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// var_samp/var_pop/stddev_samp/stddev_pop over float8 input (the call casts other numbers), using Welford's
/// running mean and the Chan et al. formula to merge workers, which stays accurate where sum-of-squares does not.
/// Sample statistics of fewer than two values are NULL, as in PostgreSQL.
/// </summary>
public sealed class VarianceAccumulator(MemoryBudget memory, AggregateKind kind) : Accumulator(memory)
{
    private long[] _n = [];
    private double[] _mean = [];
    private double[] _m2 = [];

    public override void Resize(int count)
    {
        Grow(ref _n, count);
        Grow(ref _mean, count);
        Grow(ref _m2, count);
    }

    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var data = input!.Data<double>();
        var stride = input.IsConstant ? 0 : 1;
        for (var k = 0; k < rows.Length; k++)
        {
            var r = rows[k] * stride;
            if (!input.Validity.IsValid(r))
                continue;
            var g = groups[k];
            var x = data[r];
            var n = ++_n[g];
            var delta = x - _mean[g];
            _mean[g] += delta / n;
            _m2[g] += delta * (x - _mean[g]);
        }
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (VarianceAccumulator)other;
        for (var g = 0; g < map.Length; g++)
        {
            var nb = o._n[g];
            if (nb == 0)
                continue;
            var t = map[g];
            var na = _n[t];
            var n = na + nb;
            var delta = o._mean[g] - _mean[t];
            _mean[t] += delta * nb / n;
            _m2[t] += o._m2[g] + (delta * delta * na * nb / n);
            _n[t] = n;
        }
    }

    public override void Finish(int first, int count, Vector output)
    {
        var sample = kind is AggregateKind.VarSamp or AggregateKind.StddevSamp;
        var root = kind is AggregateKind.StddevSamp or AggregateKind.StddevPop;
        for (var i = 0; i < count; i++)
        {
            var n = _n[first + i];
            if (n == 0 || (sample && n < 2))
            {
                output.SetNull(i);
                continue;
            }
            var variance = _m2[first + i] / (sample ? n - 1 : n);
            output.Set(i, root ? Math.Sqrt(variance) : variance);
        }
    }
}
