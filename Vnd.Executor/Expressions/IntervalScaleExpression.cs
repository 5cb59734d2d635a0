using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// interval * number and interval / number with PostgreSQL's interval_mul rules: months and days are scaled and
/// truncated, and their fractions cascade down (a month fraction as 30-day days, a day fraction as seconds), each
/// rounded to microseconds. Division by zero is 22012.
/// </summary>
public sealed class IntervalScaleExpression(Expression interval, Expression factor, bool divide) : Expression(SqlType.Interval)
{
    private readonly Expression _factor = TypeUnification.To(factor, SqlType.Float8);

    public override bool IsConstant => interval.IsConstant && _factor.IsConstant;

    public override void Evaluate(Batch input, Vector result, EvaluationScratch scratch)
    {
        var l = interval.EvaluateToVector(input, scratch);
        var r = _factor.EvaluateToVector(input, scratch);
        try
        {
            RowKernel.Each([l, r], result, l.IsConstant && r.IsConstant ? [0] : input.Rows, divide ? Divide : Multiply);
        }
        finally
        {
            scratch.Release(r);
            scratch.Release(l);
        }
    }

    public override string ToString() => $"({interval} {(divide ? "/" : "*")} {_factor})";

    private static void Multiply(ReadOnlySpan<Vector> args, Vector result, int row) =>
        result.Set(row, Scale(args[0].Get<PgInterval>(row), args[1].Get<double>(row)));

    private static void Divide(ReadOnlySpan<Vector> args, Vector result, int row)
    {
        var divisor = args[1].Get<double>(row);
        if (divisor == 0)
            ExecutionErrors.DivisionByZero();
        result.Set(row, Scale(args[0].Get<PgInterval>(row), 1 / divisor));
    }

    public static PgInterval Scale(PgInterval span, double factor)
    {
        var monthsExact = span.Months * factor;
        var daysExact = span.Days * factor;
        // PostgreSQL's FLOAT8_FITS_IN_INT32: [-2^31, 2^31), so -2147483648 months is a valid result (NaN fails both tests).
        if (monthsExact is not (>= int.MinValue and < -(double)int.MinValue) || daysExact is not (>= int.MinValue and < -(double)int.MinValue))
            throw ExecutionErrors.OutOfRangeException(SqlType.Interval);
        var months = (int)monthsExact;
        var days = (int)daysExact;
        var monthRemainderDays = Round((monthsExact - months) * 30);
        var secondRemainder = Round((daysExact - days + monthRemainderDays - (int)monthRemainderDays) * 86400);
        if (Math.Abs(secondRemainder) >= 86400)
        {
            days += (int)(secondRemainder / 86400);
            secondRemainder -= (int)(secondRemainder / 86400) * 86400;
        }
        days += (int)monthRemainderDays;
        var micros = Math.Round((span.Micros * factor) + (secondRemainder * 1e6), MidpointRounding.ToEven);
        if (double.IsNaN(micros) || Math.Abs(micros) > long.MaxValue)
            throw ExecutionErrors.OutOfRangeException(SqlType.Interval);
        return new PgInterval(months, days, (long)micros);
    }

    /// <summary>PostgreSQL's TSROUND: to whole microseconds.</summary>
    private static double Round(double seconds) => Math.Round(seconds * 1e6, MidpointRounding.ToEven) / 1e6;
}
