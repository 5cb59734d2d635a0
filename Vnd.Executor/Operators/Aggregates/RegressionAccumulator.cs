using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// The two-argument statistics aggregates (Y, X) of SQL:2003: corr, covar_pop/samp and the regr_* family. Only rows
/// where both Y and X are non-NULL count. The state and its updates are PostgreSQL's (float8_regr_accum and
/// float8_regr_combine: the Youngs–Cramer running sums N, Sx, Sy, Sxx, Syy, Sxy), in the same order of operations,
/// so a serial aggregation gives PostgreSQL's float8 bits rather than a nearby value, and infinite or NaN inputs
/// turn the dependent sums into NaN the way PostgreSQL's do.
/// </summary>
public sealed class RegressionAccumulator(MemoryBudget memory, AggregateKind kind) : Accumulator(memory)
{
    private double[] _n = [];
    private double[] _sx = [];
    private double[] _sy = [];
    private double[] _sxx = [];
    private double[] _syy = [];
    private double[] _sxy = [];

    public override void Resize(int count)
    {
        Grow(ref _n, count);
        Grow(ref _sx, count);
        Grow(ref _sy, count);
        Grow(ref _sxx, count);
        Grow(ref _syy, count);
        Grow(ref _sxy, count);
    }

    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups) =>
        throw new InvalidOperationException("a two-argument aggregate is updated with both of its arguments");

    /// <summary>Adds the rows' (y, x) pairs to their groups.</summary>
    public void Update(Vector y, Vector x, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var ys = y.Data<double>();
        var xs = x.Data<double>();
        int yStride = y.IsConstant ? 0 : 1, xStride = x.IsConstant ? 0 : 1;
        for (var k = 0; k < rows.Length; k++)
        {
            int ry = rows[k] * yStride, rx = rows[k] * xStride;
            if (y.Validity.IsValid(ry) && x.Validity.IsValid(rx))
                Add(groups[k], ys[ry], xs[rx]);
        }
    }

    private void Add(int g, double newY, double newX)
    {
        var oldN = _n[g];
        var oldSx = _sx[g];
        var oldSy = _sy[g];
        var n = oldN + 1.0;
        var sx = oldSx + newX;
        var sy = oldSy + newY;
        if (oldN > 0.0)
        {
            var tmpX = (newX * n) - sx;
            var tmpY = (newY * n) - sy;
            var scale = 1.0 / (n * oldN);
            var sxx = _sxx[g] + (tmpX * tmpX * scale);
            var syy = _syy[g] + (tmpY * tmpY * scale);
            var sxy = _sxy[g] + (tmpX * tmpY * scale);
            // Only finite inputs that overflow are an error; an infinite input makes the dependent sums NaN.
            if (double.IsInfinity(sx) || double.IsInfinity(sxx))
            {
                if (!double.IsInfinity(oldSx) && !double.IsInfinity(newX))
                    throw Overflow();
                sxx = double.NaN;
            }
            if (double.IsInfinity(sy) || double.IsInfinity(syy))
            {
                if (!double.IsInfinity(oldSy) && !double.IsInfinity(newY))
                    throw Overflow();
                syy = double.NaN;
            }
            if (double.IsInfinity(sxy))
            {
                if (!double.IsInfinity(oldSx) && !double.IsInfinity(newX) && !double.IsInfinity(oldSy) && !double.IsInfinity(newY))
                    throw Overflow();
                sxy = double.NaN;
            }
            _sxx[g] = sxx;
            _syy[g] = syy;
            _sxy[g] = sxy;
        }
        else
        {
            if (!double.IsFinite(newX))
                _sxx[g] = _sxy[g] = double.NaN;
            if (!double.IsFinite(newY))
                _syy[g] = _sxy[g] = double.NaN;
        }
        _n[g] = n;
        _sx[g] = sx;
        _sy[g] = sy;
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (RegressionAccumulator)other;
        for (var g = 0; g < map.Length; g++)
        {
            var n2 = o._n[g];
            if (n2 == 0.0)
                continue;
            var t = map[g];
            var n1 = _n[t];
            if (n1 == 0.0)
            {
                (_n[t], _sx[t], _sy[t], _sxx[t], _syy[t], _sxy[t]) = (n2, o._sx[g], o._sy[g], o._sxx[g], o._syy[g], o._sxy[g]);
                continue;
            }
            var n = n1 + n2;
            var sx = Sum(_sx[t], o._sx[g]);
            var tmp1 = (_sx[t] / n1) - (o._sx[g] / n2);
            var sxx = Checked(_sxx[t], o._sxx[g], _sxx[t] + o._sxx[g] + (n1 * n2 * tmp1 * tmp1 / n));
            var sy = Sum(_sy[t], o._sy[g]);
            var tmp2 = (_sy[t] / n1) - (o._sy[g] / n2);
            var syy = Checked(_syy[t], o._syy[g], _syy[t] + o._syy[g] + (n1 * n2 * tmp2 * tmp2 / n));
            var sxy = Checked(_sxy[t], o._sxy[g], _sxy[t] + o._sxy[g] + (n1 * n2 * tmp1 * tmp2 / n));
            (_n[t], _sx[t], _sy[t], _sxx[t], _syy[t], _sxy[t]) = (n, sx, sy, sxx, syy, sxy);
        }
    }

    /// <summary>A combined sum that became infinite from two finite ones overflowed.</summary>
    private static double Checked(double a, double b, double combined) =>
        double.IsInfinity(combined) && !double.IsInfinity(a) && !double.IsInfinity(b) ? throw Overflow() : combined;

    /// <summary>PostgreSQL's float8_pl: a finite sum that overflows is an error.</summary>
    private static double Sum(double a, double b)
    {
        var sum = a + b;
        return double.IsInfinity(sum) && double.IsFinite(a) && double.IsFinite(b) ? throw Overflow() : sum;
    }

    public override void Finish(int first, int count, Vector output)
    {
        for (var i = 0; i < count; i++)
        {
            var g = first + i;
            if (kind == AggregateKind.RegrCount)
            {
                output.Set(i, (long)_n[g]);
                continue;
            }
            if (Result(g) is { } value)
                output.Set(i, value);
            else
                output.SetNull(i);
        }
    }

    /// <summary>The final functions (float8_corr, float8_regr_slope, …): NULL for too few rows and, where the formula
    /// would divide by it, for a zero Sxx or Syy (a vertical or horizontal line).</summary>
    private double? Result(int g)
    {
        var n = _n[g];
        if (n < 1.0 || (kind == AggregateKind.CovarSamp && n < 2.0))
            return null;
        double sx = _sx[g], sy = _sy[g], sxx = _sxx[g], syy = _syy[g], sxy = _sxy[g];
        return kind switch
        {
            AggregateKind.RegrAvgX => sx / n,
            AggregateKind.RegrAvgY => sy / n,
            AggregateKind.RegrSxx => sxx,
            AggregateKind.RegrSyy => syy,
            AggregateKind.RegrSxy => sxy,
            AggregateKind.CovarPop => sxy / n,
            AggregateKind.CovarSamp => sxy / (n - 1.0),
            AggregateKind.Corr => sxx == 0 || syy == 0 ? null : sxy / Math.Sqrt(sxx * syy),
            AggregateKind.RegrR2 => sxx == 0 ? null : syy == 0 ? 1.0 : sxy * sxy / (sxx * syy),
            AggregateKind.RegrSlope => sxx == 0 ? null : sxy / sxx,
            AggregateKind.RegrIntercept => sxx == 0 ? null : (sy - (sx * sxy / sxx)) / n,
            _ => throw new InvalidOperationException($"{kind} is not a regression aggregate"),
        };
    }

    private static ExecutionException Overflow() => new(SqlState.NumericValueOutOfRange, "value out of range: overflow");
}
