using System.Numerics;
using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vector = Vnd.Executor.Vectors.Vector;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// sum(x) and avg(x) with PostgreSQL's result types: int2/int4 sums accumulate in int8, int8 sums in a 128-bit
/// integer (PostgreSQL uses numeric; neither can overflow), floats in double, numerics in decimal. avg divides
/// at the end. A group with no non-NULL input yields NULL.
/// </summary>
public sealed class SumAccumulator<TIn, TAcc>(MemoryBudget memory, bool average, SqlType resultType) : Accumulator(memory), IRetractableAccumulator
    where TIn : unmanaged, INumberBase<TIn>
    where TAcc : unmanaged, INumber<TAcc>
{
    private TAcc[] _sums = [];
    private long[] _counts = [];

    public override void Resize(int count)
    {
        Grow(ref _sums, count);
        Grow(ref _counts, count);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var values = input!.Data<TIn>();
        var sums = _sums;
        var counts = _counts;
        var stride = input.IsConstant ? 0 : 1;
        try
        {
            if (input.Validity.AllValid)
            {
                for (var k = 0; k < rows.Length; k++)
                {
                    var g = groups[k];
                    sums[g] = Add(sums[g], TAcc.CreateTruncating(values[rows[k] * stride]));
                    counts[g]++;
                }
                return;
            }
            for (var k = 0; k < rows.Length; k++)
            {
                var r = rows[k] * stride;
                if (!input.Validity.IsValid(r))
                    continue;
                var g = groups[k];
                sums[g] = Add(sums[g], TAcc.CreateTruncating(values[r]));
                counts[g]++;
            }
        }
        catch (OverflowException)
        {
            throw ExecutionErrors.OutOfRangeException(resultType);
        }
    }

    /// <summary>
    /// One step of the sum: checked for integers and decimal, and for float8 PostgreSQL's float8pl check (22003
    /// "value out of range: overflow" when finite operands give an infinity; an infinite input stays infinite).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static TAcc Add(TAcc sum, TAcc value) => FloatCheck.Overflow(checked(sum + value), sum, value);

    public bool CanRetract => typeof(TAcc) != typeof(double) && typeof(TIn) != typeof(decimal);

    /// <summary>Exact for the integer sums <see cref="CanRetract"/> admits: what was added is subtracted.</summary>
    public void Retract(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var values = input!.Data<TIn>();
        var stride = input.IsConstant ? 0 : 1;
        for (var k = 0; k < rows.Length; k++)
        {
            var r = rows[k] * stride;
            if (!input.Validity.IsValid(r))
                continue;
            var g = groups[k];
            _sums[g] -= TAcc.CreateTruncating(values[r]);
            _counts[g]--;
        }
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (SumAccumulator<TIn, TAcc>)other;
        try
        {
            for (var g = 0; g < map.Length; g++)
            {
                _sums[map[g]] = Add(_sums[map[g]], o._sums[g]);
                _counts[map[g]] += o._counts[g];
            }
        }
        catch (OverflowException)
        {
            throw ExecutionErrors.OutOfRangeException(resultType);
        }
    }

    /// <summary>A sum beyond the result type's range (an Int128 sum of int8s past decimal's 28 digits) is
    /// 22003 like every other overflow, never a raw <see cref="OverflowException"/>.</summary>
    public override void Finish(int first, int count, Vector output)
    {
        try
        {
            FinishGroups(first, count, output);
        }
        catch (OverflowException)
        {
            throw ExecutionErrors.OutOfRangeException(resultType);
        }
    }

    private void FinishGroups(int first, int count, Vector output)
    {
        for (var i = 0; i < count; i++)
        {
            var g = first + i;
            if (_counts[g] == 0)
            {
                output.SetNull(i);
                continue;
            }
            var sum = _sums[g];
            switch (output.PhysicalType)
            {
                case PhysicalType.Int64: output.Set(i, long.CreateChecked(sum)); break;
                case PhysicalType.Float64:
                    var d = double.CreateChecked(sum);
                    output.Set(i, average ? d / _counts[g] : d);
                    break;
                default:
                    var m = decimal.CreateChecked(sum);
                    output.Set(i, average ? NumericDivision.Divide(m, _counts[g]) : m);
                    break;
            }
        }
    }
}
