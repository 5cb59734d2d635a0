using System.Numerics;
using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vector = Vnd.Executor.Vectors.Vector;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// Variances and standard deviations of integer and numeric input with PostgreSQL's numeric result: n, Σx and
/// Σx² per group, exact (a sum beyond the accumulator is 22003), finished by <see cref="NumericVariance"/>.
/// Integers accumulate in Int128; numerics in decimal, whose Σx and Σx² carry the input's display scale and twice
/// it as PostgreSQL's do (squares of values with more than 14 significant digits are rounded to decimal's 28).
/// </summary>
public sealed class ExactVarianceAccumulator<TIn, TSum>(MemoryBudget memory, AggregateKind kind) : Accumulator(memory)
    where TIn : unmanaged, INumberBase<TIn>
    where TSum : unmanaged, INumber<TSum>
{
    private long[] _n = [];
    private TSum[] _sums = [];
    private TSum[] _squares = [];

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
                var x = TSum.CreateTruncating(data[r]);
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
        var o = (ExactVarianceAccumulator<TIn, TSum>)other;
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
            var (sum, sumScale) = Exact(_sums[g]);
            var (squares, squareScale) = Exact(_squares[g]);
            if (NumericVariance.Finish(kind, _n[g], sum, sumScale, squares, squareScale) is { } value)
                output.Set(i, value);
            else
                output.SetNull(i);
        }
    }

    /// <summary>A sum as an unscaled integer and its scale.</summary>
    private static (BigInteger Unscaled, int Scale) Exact(TSum value) => value switch
    {
        decimal d => (NumericDivision.Unscaled(d), d.Scale),
        Int128 i => ((BigInteger)i, 0),
        _ => throw new InvalidOperationException($"no exact form of {typeof(TSum)}"),
    };
}
