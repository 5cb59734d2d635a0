using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// var_samp/var_pop/stddev_samp/stddev_pop over float8 input with PostgreSQL's float8_accum (Youngs and Cramer):
/// per group N, Σx and Sxx = Σ(x − mean)², updated as Sxx += (x·N − Σx)² / (N·(N−1)), which is exact for
/// integral values where a running mean is not, and float8_combine to merge workers. Sample statistics of fewer
/// than two values are NULL. Integer and numeric input takes the exact numeric path instead. avg(float8) is this
/// accumulator too (Σx / N), because PostgreSQL's avg(float8) is float8_accum as well: its overflow checks fail on
/// Sxx as on Σx (avg of 1e200 and -1e200 is 22003). Finite inputs whose Σx or Sxx is infinite are 22003 "value out of
/// range: overflow"; after an infinite input Sxx is NaN, as in PostgreSQL.
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
                var sxx = _sxx[g] + (t * t / (n * previous));
                if (double.IsInfinity(sum) || double.IsInfinity(sxx))
                {
                    if (!double.IsInfinity(_sum[g]) && !double.IsInfinity(x))
                        throw Overflow();
                    sxx = double.NaN;
                }
                _sxx[g] = sxx;
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
            var sxx = _sxx[t] + o._sxx[g] + (n1 * n2 * d * d / n);
            var sum = _sum[t] + o._sum[g];
            // float8_combine: float8_pl's check on Σx, and Sxx infinite from finite parts.
            if ((double.IsInfinity(sum) && double.IsFinite(_sum[t]) && double.IsFinite(o._sum[g]))
                || (double.IsInfinity(sxx) && !double.IsInfinity(_sxx[t]) && !double.IsInfinity(o._sxx[g])))
                throw Overflow();
            _sxx[t] = sxx;
            _sum[t] = sum;
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
            if (kind == AggregateKind.Avg)
            {
                output.Set(i, _sum[first + i] / n);
                continue;
            }
            var variance = _sxx[first + i] / (sample ? n - 1 : n);
            output.Set(i, root ? Math.Sqrt(variance) : variance);
        }
    }

    private static ExecutionException Overflow() => ExecutionErrors.OutOfRangeException(SqlType.Float8);
}
