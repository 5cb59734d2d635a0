using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// var_samp/var_pop/stddev_samp/stddev_pop over float8 input with PostgreSQL's float8_accum (Youngs and Cramer):
/// per group N, Σx and Sxx = Σ(x − mean)², updated as Sxx += (x·N − Σx)² / (N·(N−1)), which is exact for
/// integral values where a running mean is not, and float8_combine to merge workers. Sample statistics of fewer
/// than two values are NULL. Integer and numeric input takes the exact numeric path instead.
/// </summary>
public sealed class VarianceAccumulator(MemoryBudget memory, AggregateKind kind) : Accumulator(memory)
{
    private double[] _n = [];
    private double[] _sum = [];
    private double[] _sxx = [];

    public override void Resize(int count)
    {
        Grow(ref _n, count);
        Grow(ref _sum, count);
        Grow(ref _sxx, count);
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
            var previous = _n[g];
            var n = previous + 1;
            var sum = _sum[g] + x;
            if (previous > 0)
            {
                var t = (x * n) - sum;
                _sxx[g] += t * t / (n * previous);
            }
            else if (!double.IsFinite(x))
            {
                _sxx[g] = double.NaN;
            }
            _n[g] = n;
            _sum[g] = sum;
        }
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (VarianceAccumulator)other;
        for (var g = 0; g < map.Length; g++)
        {
            var n2 = o._n[g];
            if (n2 == 0)
                continue;
            var t = map[g];
            var n1 = _n[t];
            if (n1 == 0)
            {
                (_n[t], _sum[t], _sxx[t]) = (n2, o._sum[g], o._sxx[g]);
                continue;
            }
            var n = n1 + n2;
            var d = (_sum[t] / n1) - (o._sum[g] / n2);
            _sxx[t] += o._sxx[g] + (n1 * n2 * d * d / n);
            _sum[t] += o._sum[g];
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
            var variance = _sxx[first + i] / (sample ? n - 1 : n);
            output.Set(i, root ? Math.Sqrt(variance) : variance);
        }
    }
}
