using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Sets;

/// <summary>
/// generate_series(start, stop, step) over int4 or int8, per row: a zero step is 22023, a NULL argument gives no rows,
/// and the series ends before it would leave its type's range (as PostgreSQL and <see cref="SeriesOperator"/>).
/// </summary>
public sealed class IntegerSeriesRunner(Expression[] arguments, SqlType type) : SetFunctionRunner(arguments)
{
    private readonly bool _wide = type.Id == TypeId.Int8;
    private long _next;
    private long _stop;
    private long _step;
    private bool _done;

    public override void Begin(int row)
    {
        var (start, stop, step) = (Argument(0), Argument(1), Argument(2));
        _done = true;
        if (!step.IsNull(row) && Read(step, row) == 0)
            throw new ExecutionException(SqlState.InvalidParameterValue, "step size cannot equal zero");
        if (start.IsNull(row) || stop.IsNull(row) || step.IsNull(row))
            return;
        (_next, _stop, _step) = (Read(start, row), Read(stop, row), Read(step, row));
        _done = _step > 0 ? _next > _stop : _next < _stop;
    }

    private long Read(Vector vector, int row) => _wide ? vector.Get<long>(row) : vector.Get<int>(row);

    public override int Write(Vector output, int at, int max)
    {
        var (min, top) = _wide ? (long.MinValue, long.MaxValue) : (int.MinValue, int.MaxValue);
        var count = 0;
        while (count < max && !_done)
        {
            var current = _next;
            if (_wide)
                output.Set(at + count, current);
            else
                output.Set(at + count, (int)current);
            count++;
            if (_step > 0 ? current > top - _step : current < min - _step)
            {
                _done = true;
                break;
            }
            _next = current + _step;
            _done = _step > 0 ? _next > _stop : _next < _stop;
        }
        return count;
    }
}
