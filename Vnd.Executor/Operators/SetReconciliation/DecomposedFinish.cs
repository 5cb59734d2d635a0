using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>
/// Turns a decomposed aggregate's exact sum over the matched rows into the value the single-process aggregate
/// returns, with the same finishing steps as <see cref="Aggregates.SumAccumulator{TIn,TAcc}"/> and
/// <see cref="Aggregates.IntervalSumAccumulator"/>: int8 for sum(int2/int4), numeric (decimal) for sum(int8) and
/// avg of integers, an interval of the summed microseconds (no months or days: every row's difference was checked
/// to be under a day) divided like interval / count for avg. NULL when nothing matched, except counts.
/// </summary>
internal static class DecomposedFinish
{
    /// <summary>Whether every matched row's argument stays within the aggregate's <see cref="DecomposedAggregate.Limit"/>.</summary>
    public static bool WithinLimit(DecomposedAggregate aggregate, TermSummary[] local, TermSummary[] remote)
    {
        Int128 low = 0, high = 0, magnitude = 0;
        foreach (var term in aggregate.Terms)
        {
            var summary = term.Local ? local[term.Index] : remote[term.Index];
            if (summary.Min > summary.Max)
                return true; // nothing matched: no row to bound
            var (min, max) = term.Negative ? (-(Int128)summary.Max, -(Int128)summary.Min) : (summary.Min, (Int128)summary.Max);
            low += min;
            high += max;
            magnitude += Int128.Max(Int128.Abs(min), Int128.Abs(max));
        }
        // An interval is one timestamp minus another: its range is exact. An integer sum is bounded at every step.
        return aggregate.Column.Type.Id == TypeId.Interval
            ? low >= -aggregate.Limit && high <= aggregate.Limit
            : magnitude <= aggregate.Limit;
    }

    public static Int128 Sum(DecomposedAggregate aggregate, TermSummary[] local, TermSummary[] remote)
    {
        Int128 sum = 0;
        foreach (var term in aggregate.Terms)
        {
            var value = term.Local ? local[term.Index].Sum : remote[term.Index].Sum;
            sum += term.Negative ? -value : value;
        }
        return sum;
    }

    public static void Write(DecomposedAggregate aggregate, Int128 sum, long matched, Vector output, int row)
    {
        var type = aggregate.Column.Type;
        if (aggregate.Kind is DecomposedKind.CountStar or DecomposedKind.Count)
        {
            output.Set(row, matched);
            return;
        }
        if (matched == 0)
        {
            output.SetNull(row);
            return;
        }
        var average = aggregate.Kind == DecomposedKind.Avg;
        try
        {
            switch (type.Id)
            {
                case TypeId.Int8:
                    output.Set(row, long.CreateChecked(sum));
                    break;
                case TypeId.Numeric:
                    var m = decimal.CreateChecked(sum);
                    output.Set(row, average ? NumericDivision.Divide(m, matched) : m);
                    break;
                case TypeId.Interval:
                    var total = new PgInterval(0, 0, long.CreateChecked(sum));
                    output.Set(row, average ? IntervalScaleExpression.Scale(total, 1.0 / matched) : total);
                    break;
                default:
                    throw new InvalidOperationException($"a decomposed aggregate does not return {type}");
            }
        }
        catch (OverflowException)
        {
            throw ExecutionErrors.OutOfRangeException(type);
        }
    }
}
