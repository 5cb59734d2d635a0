using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Sets;

/// <summary>
/// generate_series(start, stop, step interval) over timestamp or timestamptz, per row: each value the previous plus
/// the interval (months by the calendar, so Jan 31 + 1 month + 1 month is Mar 29, as in PostgreSQL).
/// </summary>
public sealed class TimestampSeriesRunner(Expression[] arguments, SqlType type) : SetFunctionRunner(arguments)
{
    private long _next;
    private long _stop;
    private PgInterval _step;
    private bool _up;
    private bool _done;

    public override void Begin(int row)
    {
        var (start, stop, step) = (Argument(0), Argument(1), Argument(2));
        _done = true;
        if (!step.IsNull(row) && step.Get<PgInterval>(row).TotalMicros == 0)
            throw new ExecutionException(SqlState.InvalidParameterValue, "step size cannot equal zero");
        if (start.IsNull(row) || stop.IsNull(row) || step.IsNull(row))
            return;
        (_next, _stop, _step) = (start.Get<long>(row), stop.Get<long>(row), step.Get<PgInterval>(row));
        _up = _step.TotalMicros > 0;
        _done = _up ? _next > _stop : _next < _stop;
    }

    public override int Write(Vector output, int at, int max)
    {
        var count = 0;
        try
        {
            while (count < max && !_done)
            {
                output.Set(at + count++, _next);
                _next = TemporalArithmeticExpression.Shift(_next, _step, 1, type.Unit);
                _done = _up ? _next > _stop : _next < _stop;
            }
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException or ExecutionException)
        {
            // The next step leaves the timestamps VND holds (years 1–9999): the series ends at the last one it has.
            _done = true;
        }
        return count;
    }
}
