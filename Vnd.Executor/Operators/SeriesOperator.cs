using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Operators;

/// <summary>
/// generate_series(start, stop, step) over int4 or int8 as a FROM-clause table: <see cref="Arguments"/> yields one
/// row (start, stop, step, already of the series type) evaluated once when the stream opens; the series is then
/// written straight into reused batches of <see cref="Batch.Capacity"/> rows. As in PostgreSQL, a NULL argument
/// gives no rows, a zero step is 22023, and the series ends before it would leave its type's range.
/// </summary>
public sealed class SeriesOperator : PhysicalOperator
{
    public SeriesOperator(PhysicalOperator arguments, SqlType type)
    {
        if (type.Id is not (TypeId.Int4 or TypeId.Int8) || arguments.OutputTypes.Count != 3)
            throw new ArgumentException("generate_series needs (start, stop, step) of int4 or int8", nameof(arguments));
        Arguments = arguments;
        OutputTypes = [type];
    }

    public PhysicalOperator Arguments { get; }

    public override IReadOnlyList<SqlType> OutputTypes { get; }

    public override IReadOnlyList<PhysicalOperator> Children => [Arguments];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount)
    {
        if (partition != 0)
            return new EmptyStream();
        using var arguments = Arguments.Open(context);
        var row = arguments.Next();
        if (row is null || row.ActiveCount == 0)
            return new EmptyStream();
        var index = row.Rows[0];
        var wide = OutputTypes[0].Id == TypeId.Int8;
        long? Value(int column) => row[column].IsNull(index) ? null : wide ? row[column].Get<long>(index) : row[column].Get<int>(index);
        var (start, stop, step) = (Value(0), Value(1), Value(2));
        if (step == 0)
            throw new ExecutionException(SqlState.InvalidParameterValue, "step size cannot equal zero");
        if (start is null || stop is null || step is null)
            return new EmptyStream();
        return new Stream(context, OutputTypes[0], start.Value, stop.Value, step.Value);
    }

    public override string ToString() => $"Series {OutputTypes[0].PgName}";

    private sealed class Stream : OperatorStream
    {
        private readonly QueryContext _context;
        private readonly bool _wide;
        private readonly Batch _batch;
        private readonly long _stop;
        private readonly long _step;
        private readonly long _min;
        private readonly long _max;
        private long _next;
        private bool _done;

        public Stream(QueryContext context, SqlType type, long start, long stop, long step)
        {
            _context = context;
            _wide = type.Id == TypeId.Int8;
            _batch = new Batch([type]);
            (_next, _stop, _step) = (start, stop, step);
            _min = _wide ? long.MinValue : int.MinValue;
            _max = _wide ? long.MaxValue : int.MaxValue;
            _done = step > 0 ? start > stop : start < stop;
        }

        public override Batch? Next()
        {
            _context.CheckCancelled();
            if (_done)
                return null;
            _batch.Reset();
            var vector = _batch[0];
            var count = 0;
            if (_wide)
            {
                var values = vector.Data<long>();
                while (count < Batch.Capacity && !_done)
                    values[count++] = Advance();
            }
            else
            {
                var values = vector.Data<int>();
                while (count < Batch.Capacity && !_done)
                    values[count++] = (int)Advance();
            }
            _batch.Count = count;
            return _batch;
        }

        /// <summary>Returns the current value and moves on, ending before the next value passes stop or the type's range.</summary>
        private long Advance()
        {
            var current = _next;
            var overflows = _step > 0 ? current > _max - _step : current < _min - _step;
            if (overflows)
            {
                _done = true;
                return current;
            }
            _next = current + _step;
            _done = _step > 0 ? _next > _stop : _next < _stop;
            return current;
        }
    }
}
