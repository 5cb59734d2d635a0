using System.Globalization;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// make_date(year, month, day), make_time(hour, min, sec), make_timestamp(year, month, mday, hour, min, sec) and make_timestamptz(…, sec
/// [, timezone]) with PostgreSQL's checks: a day the month lacks or year 0 is 22008 "date field value out of
/// range", a time past 24:00:00 is 22008 "time field value out of range", sec rounds to the microsecond. The
/// executor computes timestamptz in UTC (the session's TimeZone only formats output), so make_timestamptz without a
/// zone reads its fields as UTC; with a zone they are that zone's wall-clock time. Years before 1 (BC) are 0A000.
/// </summary>
internal static class DateConstructors
{
    private static readonly long EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        switch (name)
        {
            case "make_date" when a.Count == 3:
                return new FunctionExpression(name, SqlType.Date, Ints(a, 3), (values, r, rows) => RowKernel.Each(values, r, rows, MakeDate));
            case "make_timestamp" or "make_timestamptz" when a.Count == 6:
                return new FunctionExpression(name, name == "make_timestamp" ? SqlType.Timestamp : SqlType.TimestampTz, DateTimeArguments(a),
                    (values, r, rows) => RowKernel.Each(values, r, rows, MakeTimestamp));
            case "make_time" when a.Count == 3:
                return new FunctionExpression(name, SqlType.Time, [.. Ints(a, 2), TypeUnification.To(a[2], SqlType.Float8)],
                    (values, r, rows) => RowKernel.Each(values, r, rows, MakeTime));
            case "make_timestamptz" when a.Count == 7:
                var zones = new TimeZoneLookup();
                RowBody body = (v, result, row) => MakeZonedTimestamp(v, result, row, zones);
                return new FunctionExpression(name, SqlType.TimestampTz, [.. DateTimeArguments(a), TypeUnification.To(a[6], SqlType.Text)],
                    (values, r, rows) => RowKernel.Each(values, r, rows, body));
            default:
                return null;
        }
    }

    private static Expression[] Ints(IReadOnlyList<Expression> a, int count) =>
        a.Take(count).Select(x => TypeUnification.To(x, SqlType.Int4)).ToArray();

    private static Expression[] DateTimeArguments(IReadOnlyList<Expression> a) =>
        [.. Ints(a, 5), TypeUnification.To(a[5], SqlType.Float8)];

    private static void MakeDate(ReadOnlySpan<Vector> args, Vector result, int row) =>
        result.Set(row, (int)(Day(args, row) - EpochDay));

    private static void MakeTimestamp(ReadOnlySpan<Vector> args, Vector result, int row) =>
        result.Set(row, Micros(args, row));

    private static void MakeZonedTimestamp(ReadOnlySpan<Vector> args, Vector result, int row, TimeZoneLookup zones) =>
        result.Set(row, zones.Find(args[6].GetBytes(row)).LocalToUtcMicros(Micros(args, row)));

    /// <summary>Microseconds since the Unix epoch of the six date and time fields.</summary>
    private static long Micros(ReadOnlySpan<Vector> args, int row) =>
        ((Day(args, row) - EpochDay) * 86_400_000_000L) + Time(args[3].Get<int>(row), args[4].Get<int>(row), args[5].Get<double>(row));

    private static void MakeTime(ReadOnlySpan<Vector> args, Vector result, int row) =>
        result.Set(row, Time(args[0].Get<int>(row), args[1].Get<int>(row), args[2].Get<double>(row)));

    /// <summary>Microseconds since midnight of hour:minute:second, checked like PostgreSQL's make_time.</summary>
    private static long Time(int hour, int minute, double second)
    {
        if (hour < 0 || minute < 0 || minute > 59 || !(second >= 0 && second <= 60) || hour > 24 || (hour == 24 && (minute > 0 || second > 0)))
        {
            throw new ExecutionException(SqlState.DatetimeFieldOverflow, string.Create(CultureInfo.InvariantCulture,
                $"time field value out of range: {hour}:{minute:00}:{second:00.######}"));
        }
        return (((hour * 60L) + minute) * 60_000_000L) + (long)Math.Round(second * 1e6, MidpointRounding.ToEven);
    }

    /// <summary>The day number (DateOnly's) of year-month-day, checked like PostgreSQL's make_date.</summary>
    private static long Day(ReadOnlySpan<Vector> args, int row)
    {
        int year = args[0].Get<int>(row), month = args[1].Get<int>(row), day = args[2].Get<int>(row);
        if (year < 0)
            ExecutionErrors.Unsupported("dates before 1 AD (BC years)");
        if (year is 0 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            throw new ExecutionException(SqlState.DatetimeFieldOverflow, string.Create(CultureInfo.InvariantCulture,
                $"date field value out of range: {year}-{month:00}-{day:00}"));
        }
        return new DateOnly(year, month, day).DayNumber;
    }
}
