using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>sum(interval) and avg(interval): months, days and microseconds summed field by field (PostgreSQL's
/// interval_pl, overflow → 22003); the average divides the sum like interval / count.</summary>
public sealed class IntervalSumAccumulator(MemoryBudget memory, bool average) : Accumulator(memory)
{
    private long[] _months = [];
    private long[] _days = [];
    private long[] _micros = [];
    private long[] _counts = [];

    public override void Resize(int count)
    {
        Grow(ref _months, count);
        Grow(ref _days, count);
        Grow(ref _micros, count);
        Grow(ref _counts, count);
    }

    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        for (var k = 0; k < rows.Length; k++)
        {
            if (!input!.IsValid(rows[k]))
                continue;
            var v = input.Get<PgInterval>(rows[k]);
            Add(groups[k], v.Months, v.Days, v.Micros, 1);
        }
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (IntervalSumAccumulator)other;
        for (var g = 0; g < map.Length; g++)
            Add(map[g], o._months[g], o._days[g], o._micros[g], o._counts[g]);
    }

    public override void Finish(int first, int count, Vector output)
    {
        for (var i = 0; i < count; i++)
        {
            var g = first + i;
            if (_counts[g] == 0)
            {
                output.SetNull(i);
                continue;
            }
            if (_months[g] is > int.MaxValue or < int.MinValue || _days[g] is > int.MaxValue or < int.MinValue)
                throw ExecutionErrors.OutOfRangeException(SqlType.Interval);
            var sum = new PgInterval((int)_months[g], (int)_days[g], _micros[g]);
            output.Validity.SetValid(i);
            output.Set(i, average ? IntervalScaleExpression.Scale(sum, 1.0 / _counts[g]) : sum);
        }
    }

    private void Add(int g, long months, long days, long micros, long count)
    {
        try
        {
            _months[g] = checked(_months[g] + months);
            _days[g] = checked(_days[g] + days);
            _micros[g] = checked(_micros[g] + micros);
            _counts[g] += count;
        }
        catch (OverflowException)
        {
            throw ExecutionErrors.OutOfRangeException(SqlType.Interval);
        }
    }
}
