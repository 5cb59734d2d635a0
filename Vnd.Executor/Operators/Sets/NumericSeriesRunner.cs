using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Operators.Sets;

/// <summary>generate_series(start, stop, step) over numeric, per row: each value the previous plus step, as PostgreSQL adds.</summary>
public sealed class NumericSeriesRunner(Expression[] arguments) : SetFunctionRunner(arguments)
{
    private decimal _next;
    private decimal _stop;
    private decimal _step;
    private bool _done;

    public override void Begin(int row)
    {
        var (start, stop, step) = (Argument(0), Argument(1), Argument(2));
        _done = true;
        if (!step.IsNull(row) && step.Get<decimal>(row) == 0)
            throw new ExecutionException(SqlState.InvalidParameterValue, "step size cannot equal zero");
        if (start.IsNull(row) || stop.IsNull(row) || step.IsNull(row))
            return;
        (_next, _stop, _step) = (start.Get<decimal>(row), stop.Get<decimal>(row), step.Get<decimal>(row));
        _done = _step > 0 ? _next > _stop : _next < _stop;
    }

    public override int Write(Vector output, int at, int max)
    {
        var count = 0;
        try
        {
            while (count < max && !_done)
            {
                output.Set(at + count++, _next);
                _next += _step;
                _done = _step > 0 ? _next > _stop : _next < _stop;
            }
        }
        catch (OverflowException)
        {
            _done = true;
        }
        return count;
    }
}
