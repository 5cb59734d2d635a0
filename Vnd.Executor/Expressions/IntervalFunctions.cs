using System.Globalization;
using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// age (the symbolic difference in years, months and days, field by field as PostgreSQL's timestamp_age borrows),
/// justify_days/hours/interval, isfinite, clock_timestamp and timeofday. Timestamps with time zone are taken in UTC,
/// VND's session time zone.
/// </summary>
internal static class IntervalFunctions
{
    private const int DaysPerMonth = 30;

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        switch (name)
        {
            case "age" when a.Count is 1 or 2:
                var type = a.Any(x => x.Type.Id == TypeId.TimestampTz) ? SqlType.TimestampTz : SqlType.Timestamp;
                var args = a.Select(x => TypeUnification.To(x, type)).ToArray();
                // age(t) is measured from midnight at the start of today.
                var today = DateTime.UtcNow.Date;
                var midnight = (today.Ticks - DateTime.UnixEpoch.Ticks) / 10;
                return new FunctionExpression(name, SqlType.Interval, args, (values, r, rows) => RowKernel.Each(values, r, rows, (v, result, i) =>
                    result.Set(i, Age(v.Length == 2 ? v[0].Get<long>(i) : midnight, v[^1].Get<long>(i)))));
            case "justify_days" or "justify_hours" or "justify_interval" when a.Count == 1:
                Func<PgInterval, PgInterval> justify = name switch
                {
                    "justify_days" => JustifyDays,
                    "justify_hours" => JustifyHours,
                    _ => JustifyInterval,
                };
                return new FunctionExpression(name, SqlType.Interval, [TypeUnification.To(a[0], SqlType.Interval)], (values, r, rows) =>
                    RowKernel.Each(values, r, rows, (v, result, i) => result.Set(i, justify(v[0].Get<PgInterval>(i)))));
            case "isfinite" when a.Count == 1 && a[0].Type.Id == TypeId.Interval:
                // PostgreSQL 15's intervals have no infinity.
                return new FunctionExpression(name, SqlType.Bool, [a[0]], static (values, r, rows) =>
                    RowKernel.Each(values, r, rows, static (_, result, i) => result.Set(i, (byte)1)));
            case "isfinite" when a.Count == 1 && a[0].Type.Id == TypeId.Date:
                return new FunctionExpression(name, SqlType.Bool, [a[0]], static (values, r, rows) =>
                    RowKernel.Each(values, r, rows, static (v, result, i) => result.Set(i, TemporalInfinity.IsDate(v[0].Get<int>(i)) ? (byte)0 : (byte)1)));
            case "isfinite" when a.Count == 1 && a[0].Type.Id is TypeId.Timestamp or TypeId.TimestampTz:
                return new FunctionExpression(name, SqlType.Bool, [a[0]], static (values, r, rows) =>
                    RowKernel.Each(values, r, rows, static (v, result, i) => result.Set(i, TemporalInfinity.IsTimestamp(v[0].Get<long>(i)) ? (byte)0 : (byte)1)));
            case "clock_timestamp" when a.Count == 0:
                // Unlike now(), read at every row.
                return new FunctionExpression(name, SqlType.TimestampTz, [], static (_, r, rows) =>
                {
                    r.ResetFlat();
                    foreach (var i in rows)
                        r.Set(i, (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10);
                });
            case "timeofday" when a.Count == 0:
                return new FunctionExpression(name, SqlType.Text, [], static (_, r, rows) =>
                {
                    r.ResetFlat();
                    foreach (var i in rows)
                        r.SetBytes(i, Encoding.ASCII.GetBytes(DateTime.UtcNow.ToString("ddd MMM dd HH:mm:ss.ffffff yyyy 'UTC'", CultureInfo.InvariantCulture)));
                });
            default:
                return null;
        }
    }

    /// <summary>PostgreSQL's timestamp_age: subtract field by field (in the order of the later value), borrow from
    /// the next larger field, a month's borrow worth the days of the earlier value's month.</summary>
    private static PgInterval Age(long first, long second)
    {
        var t1 = TimeUnits.MicrosToDateTime(first, DateTimeKind.Utc);
        var t2 = TimeUnits.MicrosToDateTime(second, DateTimeKind.Utc);
        var sign = first < second ? -1 : 1;
        long fsec = sign * (Fraction(first) - Fraction(second));
        int sec = sign * (t1.Second - t2.Second), min = sign * (t1.Minute - t2.Minute), hour = sign * (t1.Hour - t2.Hour);
        int mday = sign * (t1.Day - t2.Day), mon = sign * (t1.Month - t2.Month), year = sign * (t1.Year - t2.Year);
        for (; fsec < 0; fsec += PgInterval.MicrosPerSecond)
            sec--;
        for (; sec < 0; sec += 60)
            min--;
        for (; min < 0; min += 60)
            hour--;
        for (; hour < 0; hour += 24)
            mday--;
        var borrowFrom = first < second ? t1 : t2;
        for (; mday < 0; mon--)
            mday += DateTime.DaysInMonth(borrowFrom.Year, borrowFrom.Month);
        for (; mon < 0; mon += 12)
            year--;
        try
        {
            return new PgInterval(checked(sign * ((year * 12) + mon)), sign * mday,
                checked(sign * ((((((long)hour * 60) + min) * 60) + sec) * PgInterval.MicrosPerSecond + fsec)));
        }
        catch (OverflowException)
        {
            throw IntervalOutOfRange();
        }
    }

    private static long Fraction(long micros) => micros - (TimeUnits.FloorDiv(micros, PgInterval.MicrosPerSecond) * PgInterval.MicrosPerSecond);

    private static PgInterval JustifyDays(PgInterval span)
    {
        var wholeMonth = span.Days / DaysPerMonth;
        int days = span.Days - (wholeMonth * DaysPerMonth), months = AddMonths(span.Months, wholeMonth);
        if (months > 0 && days < 0)
            (days, months) = (days + DaysPerMonth, months - 1);
        else if (months < 0 && days > 0)
            (days, months) = (days - DaysPerMonth, months + 1);
        return new PgInterval(months, days, span.Micros);
    }

    private static PgInterval JustifyHours(PgInterval span)
    {
        var wholeDay = span.Micros / PgInterval.MicrosPerDay;
        var time = span.Micros - (wholeDay * PgInterval.MicrosPerDay);
        var days = AddDays(span.Days, wholeDay);
        if (days > 0 && time < 0)
            (time, days) = (time + PgInterval.MicrosPerDay, days - 1);
        else if (days < 0 && time > 0)
            (time, days) = (time - PgInterval.MicrosPerDay, days + 1);
        return new PgInterval(span.Months, days, time);
    }

    /// <summary>justify_interval as PostgreSQL 15 orders it: days to months first when days and time share a sign,
    /// then time to days, days to months, and the signs of the parts made to agree.</summary>
    private static PgInterval JustifyInterval(PgInterval span)
    {
        int months = span.Months, days = span.Days;
        var time = span.Micros;
        if ((days > 0 && time > 0) || (days < 0 && time < 0))
        {
            var early = days / DaysPerMonth;
            days -= early * DaysPerMonth;
            months = AddMonths(months, early);
        }
        var wholeDay = time / PgInterval.MicrosPerDay;
        time -= wholeDay * PgInterval.MicrosPerDay;
        days = AddDays(days, wholeDay);
        var wholeMonth = days / DaysPerMonth;
        days -= wholeMonth * DaysPerMonth;
        months = AddMonths(months, wholeMonth);
        if (months > 0 && (days < 0 || (days == 0 && time < 0)))
            (days, months) = (days + DaysPerMonth, months - 1);
        else if (months < 0 && (days > 0 || (days == 0 && time > 0)))
            (days, months) = (days - DaysPerMonth, months + 1);
        if (days > 0 && time < 0)
            (time, days) = (time + PgInterval.MicrosPerDay, days - 1);
        else if (days < 0 && time > 0)
            (time, days) = (time - PgInterval.MicrosPerDay, days + 1);
        return new PgInterval(months, days, time);
    }

    private static int AddMonths(int months, int more) => (long)months + more is var sum && sum is >= int.MinValue and <= int.MaxValue ? (int)sum : throw IntervalOutOfRange();

    private static int AddDays(int days, long more) => days + more is var sum && sum is >= int.MinValue and <= int.MaxValue ? (int)sum : throw IntervalOutOfRange();

    private static ExecutionException IntervalOutOfRange() => new(SqlState.DatetimeFieldOverflow, "interval out of range");
}
