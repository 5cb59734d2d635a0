using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Date/time arithmetic: timestamp − timestamp → interval (microseconds, like PostgreSQL; nanosecond columns
/// are converted), timestamp ± interval → timestamp (months via the calendar), interval ± interval,
/// date − date → integer days, date ± integer → date; time − time → interval, time ± interval → time (around the
/// clock: the interval's days and months do not move a time of day), date + time → timestamp. An infinite date or
/// timestamp stays infinite when shifted; the difference of infinite ones is 22008, as in PostgreSQL 15.
/// </summary>
public sealed class TemporalArithmeticExpression : Expression
{
    private readonly Mode _mode;

    public TemporalArithmeticExpression(ArithmeticOperator op, Expression left, Expression right)
        : base(ResultType(op, left.Type, right.Type, out var mode))
    {
        Operator = op;
        Left = left;
        Right = right;
        _mode = mode;
    }

    private enum Mode { TimestampDifference, TimestampShift, IntervalSum, DateDifference, DateShift, TimeDifference, TimeShift, DateAtTime }

    public ArithmeticOperator Operator { get; }

    public Expression Left { get; }

    public Expression Right { get; }

    public override bool IsConstant => Left.IsConstant && Right.IsConstant;

    public static bool Supports(ArithmeticOperator op, SqlType left, SqlType right) => TryResultType(op, left, right, out _) is not null;

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        var l = Left.EvaluateToVector(input, scratch);
        var r = Right.EvaluateToVector(input, scratch);
        var constant = l.IsConstant && r.IsConstant;
        if (constant)
            result.ResetConstant();
        else
            result.ResetFlat();
        ReadOnlySpan<int> rows = constant ? [0] : input.Rows;
        var ls = l.IsConstant ? 0 : 1;
        var rs = r.IsConstant ? 0 : 1;
        var sign = Operator == ArithmeticOperator.Subtract ? -1 : 1;
        try
        {
            foreach (var i in rows)
            {
                if (l.IsNull(i * ls) || r.IsNull(i * rs))
                {
                    result.SetNull(i);
                    continue;
                }
                switch (_mode)
                {
                    case Mode.TimestampDifference:
                        if (TemporalInfinity.IsTimestamp(l.Data<long>()[i * ls]) || TemporalInfinity.IsTimestamp(r.Data<long>()[i * rs]))
                            throw new ExecutionException(SqlState.DatetimeFieldOverflow, "cannot subtract infinite timestamps");
                        var delta = checked(l.Data<long>()[i * ls] - r.Data<long>()[i * rs]);
                        // PostgreSQL justifies the hours of a timestamp difference into days: '2 days 00:30:00', not '48:30:00'.
                        var micros = TimeUnits.ToMicros(delta, Left.Type.Unit);
                        result.Data<PgInterval>()[i] = new PgInterval(0, (int)(micros / PgInterval.MicrosPerDay), micros % PgInterval.MicrosPerDay);
                        break;
                    case Mode.TimestampShift:
                        result.Data<long>()[i] = Shift(l.Data<long>()[i * ls], r.Data<PgInterval>()[i * rs], sign, Left.Type.Unit);
                        break;
                    case Mode.IntervalSum:
                        var a = l.Data<PgInterval>()[i * ls];
                        var b = r.Data<PgInterval>()[i * rs];
                        result.Data<PgInterval>()[i] = new PgInterval(checked(a.Months + (sign * b.Months)), checked(a.Days + (sign * b.Days)), checked(a.Micros + (sign * b.Micros)));
                        break;
                    case Mode.TimeDifference:
                        result.Data<PgInterval>()[i] = new PgInterval(0, 0, l.Data<long>()[i * ls] - r.Data<long>()[i * rs]);
                        break;
                    case Mode.TimeShift:
                        result.Data<long>()[i] = TimeOfDay.Shift(l.Data<long>()[i * ls], sign * r.Data<PgInterval>()[i * rs].Micros);
                        break;
                    case Mode.DateAtTime:
                        var day = l.Data<int>()[i * ls];
                        result.Data<long>()[i] = TemporalInfinity.IsDate(day)
                            ? TemporalInfinity.OfDate(day).TimestampValue
                            : checked((day * TimeOfDay.MicrosPerDay) + r.Data<long>()[i * rs]);
                        break;
                    case Mode.DateDifference:
                        if (TemporalInfinity.IsDate(l.Data<int>()[i * ls]) || TemporalInfinity.IsDate(r.Data<int>()[i * rs]))
                            throw new ExecutionException(SqlState.DatetimeFieldOverflow, "cannot subtract infinite dates");
                        result.Data<int>()[i] = checked(l.Data<int>()[i * ls] - r.Data<int>()[i * rs]);
                        break;
                    default:
                        var date = l.Data<int>()[i * ls];
                        result.Data<int>()[i] = TemporalInfinity.IsDate(date) ? date : InDateRange(checked(date + (sign * r.Data<int>()[i * rs])));
                        break;
                }
            }
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            // ArgumentOutOfRangeException: DateTime's calendar arithmetic (AddMonths) leaves years 1–9999.
            throw ExecutionErrors.OutOfRangeException(Type);
        }
        finally
        {
            scratch.Release(r);
            scratch.Release(l);
        }
    }

    /// <summary>Days since 1970 of 0001-01-01 and 9999-12-31, the dates VND holds (DateOnly's range).</summary>
    private const int FirstDay = -719_162, LastDay = 2_932_896;

    /// <summary>A shifted date VND can hold, else PostgreSQL's "date out of range" (22008) rather than a date no one can print.</summary>
    private static int InDateRange(int days) => days is >= FirstDay and <= LastDay ? days : throw ExecutionErrors.OutOfRangeException(SqlType.Date);

    /// <summary>Adds an interval to a stored timestamp: calendar months first, then days and microseconds.</summary>
    /// <remarks>An infinite timestamp stays infinite whatever the interval (PostgreSQL 15).</remarks>
    public static long Shift(long stored, PgInterval interval, int sign, TimeUnit unit)
    {
        if (TemporalInfinity.IsTimestamp(stored))
            return stored;
        if (interval.Months != 0)
        {
            var t = DateTime.UnixEpoch.AddTicks(TimeUnits.ToTicks(stored, unit)).AddMonths(sign * interval.Months);
            var rest = stored - TimeUnits.FromTicks(TimeUnits.ToTicks(stored, unit), unit);
            stored = TimeUnits.FromTicks(t.Ticks - DateTime.UnixEpoch.Ticks, unit) + rest;
        }
        var micros = checked((interval.Days * PgInterval.MicrosPerDay) + interval.Micros);
        var shifted = checked(stored + (sign * TimeUnits.FromMicros(micros, unit)));
        // Years 1–9999 as everywhere else in VND (a result past them could be neither printed nor read back).
        return TimeUnits.ToMicros(shifted, unit) is >= -62_135_596_800_000_000 and <= 253_402_300_799_999_999
            ? shifted
            : throw ExecutionErrors.OutOfRangeException(SqlType.Timestamp);
    }

    public override string ToString() => $"({Left} {ArithmeticExpression.Symbol(Operator)} {Right})";

    private static SqlType ResultType(ArithmeticOperator op, SqlType left, SqlType right, out Mode mode) =>
        TryResultType(op, left, right, out mode)
        ?? throw new ExecutionException(SqlState.UndefinedFunction, $"operator does not exist: {left} {ArithmeticExpression.Symbol(op)} {right}");

    private static SqlType? TryResultType(ArithmeticOperator op, SqlType left, SqlType right, out Mode mode)
    {
        const ArithmeticOperator add = ArithmeticOperator.Add, subtract = ArithmeticOperator.Subtract;
        var additive = op is add or subtract;
        (SqlType? type, mode) = (op, left.Id, right.Id) switch
        {
            (subtract, TypeId.Timestamp or TypeId.TimestampTz, TypeId.Timestamp or TypeId.TimestampTz) => (SqlType.Interval, Mode.TimestampDifference),
            (_, TypeId.Timestamp or TypeId.TimestampTz, TypeId.Interval) when additive => (left, Mode.TimestampShift),
            (_, TypeId.Interval, TypeId.Interval) when additive => (SqlType.Interval, Mode.IntervalSum),
            (subtract, TypeId.Time, TypeId.Time) => (SqlType.Interval, Mode.TimeDifference),
            (_, TypeId.Time, TypeId.Interval) when additive => (SqlType.Time, Mode.TimeShift),
            (add, TypeId.Date, TypeId.Time) => (SqlType.Timestamp, Mode.DateAtTime),
            (subtract, TypeId.Date, TypeId.Date) => (SqlType.Int4, Mode.DateDifference),
            (_, TypeId.Date, TypeId.Int4) when additive => (SqlType.Date, Mode.DateShift),
            _ => ((SqlType?)null, default(Mode)),
        };
        return type;
    }
}
