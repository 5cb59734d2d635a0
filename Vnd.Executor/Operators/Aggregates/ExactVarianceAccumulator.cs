using System.Numerics;
using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vector = Vnd.Executor.Vectors.Vector;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// Variances and standard deviations of int2/int4/int8 input with PostgreSQL's numeric result: n, Σx and Σx²
/// per group in 128-bit integers (a sum beyond them is 22003), finished exactly by <see cref="NumericVariance"/>.
/// </summary>
public sealed class IntegerVarianceAccumulator<TIn>(MemoryBudget memory, AggregateKind kind) : Accumulator(memory)
    where TIn : unmanaged, IBinaryInteger<TIn>
{
    private long[] _n = [];
    private Int128[] _sums = [];
    private Int128[] _squares = [];

    public override void Resize(int count)
    {
        Grow(ref _n, count);
        Grow(ref _sums, count);
        Grow(ref _squares, count);
    }

    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var data = input!.Data<TIn>();
        var stride = input.IsConstant ? 0 : 1;
        try
        {
            for (var k = 0; k < rows.Length; k++)
            {
                var r = rows[k] * stride;
                if (!input.Validity.IsValid(r))
                    continue;
                var g = groups[k];
                var x = Int128.CreateTruncating(data[r]);
                _n[g]++;
                _sums[g] = checked(_sums[g] + x);
                _squares[g] = checked(_squares[g] + (x * x));
            }
        }
        catch (OverflowException)
        {
            throw ExecutionErrors.OutOfRangeException(SqlType.Numeric);
        }
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (IntegerVarianceAccumulator<TIn>)other;
        try
        {
            for (var g = 0; g < map.Length; g++)
            {
                var t = map[g];
                _n[t] += o._n[g];
                _sums[t] = checked(_sums[t] + o._sums[g]);
                _squares[t] = checked(_squares[t] + o._squares[g]);
            }
        }
        catch (OverflowException)
        {
            throw ExecutionErrors.OutOfRangeException(SqlType.Numeric);
        }
    }

    public override void Finish(int first, int count, Vector output)
    {
        for (var i = 0; i < count; i++)
        {
            var g = first + i;
            if (NumericVariance.Finish(kind, _n[g], (BigInteger)_sums[g], 0, (BigInteger)_squares[g], 0) is { } value)
                output.Set(i, value);
            else
                output.SetNull(i);
        }
    }
}

/// <summary>
/// The same over numeric input: Σx and Σx² in decimal (their scales are the input's display scale and twice
/// it, as in PostgreSQL); squares of values with more than 14 significant digits are rounded by decimal's 28.
/// </summary>
public sealed class DecimalVarianceAccumulator(MemoryBudget memory, AggregateKind kind) : Accumulator(memory)
{
    private long[] _n = [];
    private decimal[] _sums = [];
    private decimal[] _squares = [];

    public override void Resize(int count)
    {
        Grow(ref _n, count);
        Grow(ref _sums, count);
        Grow(ref _squares, count);
    }

    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var data = input!.Data<decimal>();
        var stride = input.IsConstant ? 0 : 1;
        try
        {
            for (var k = 0; k < rows.Length; k++)
            {
                var r = rows[k] * stride;
                if (!input.Validity.IsValid(r))
                    continue;
                var g = groups[k];
                var x = data[r];
                _n[g]++;
                _sums[g] += x;
                _squares[g] += x * x;
            }
        }
        catch (OverflowException)
        {
            throw ExecutionErrors.OutOfRangeException(SqlType.Numeric);
        }
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (DecimalVarianceAccumulator)other;
        try
        {
            for (var g = 0; g < map.Length; g++)
            {
                var t = map[g];
                _n[t] += o._n[g];
                _sums[t] += o._sums[g];
                _squares[t] += o._squares[g];
            }
        }
        catch (OverflowException)
        {
            throw ExecutionErrors.OutOfRangeException(SqlType.Numeric);
        }
    }

    public override void Finish(int first, int count, Vector output)
    {
        for (var i = 0; i < count; i++)
        {
            var g = first + i;
            var sum = _sums[g];
            var squares = _squares[g];
            if (NumericVariance.Finish(kind, _n[g], NumericDivision.Unscaled(sum), sum.Scale, NumericDivision.Unscaled(squares), squares.Scale) is { } value)
                output.Set(i, value);
            else
                output.SetNull(i);
        }
    }
}
