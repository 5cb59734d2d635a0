using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>date_trunc, date_part/extract and to_timestamp. Timestamps are UTC instants since the Unix epoch
/// in the column's unit; the field argument must be a literal and is checked when the call is built.</summary>
internal static class TimeFunctions
{
    internal static readonly string[] TruncFields = ["microseconds", "milliseconds", "second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century", "millennium"];
    private static readonly string[] PartFields = ["epoch", "microseconds", "milliseconds", "second", "minute", "hour", "day", "dow", "isodow", "doy", "week", "month", "quarter", "year", "isoyear", "decade", "century", "millennium"];

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        switch (name)
        {
            case "date_trunc" when a.Count == 2:
            {
                var field = Field(name, a[0], TruncFields);
                if (a[1].Type.Id == TypeId.Interval)
                {
                    TruncateInterval(default, field);
                    return new FunctionExpression(name, SqlType.Interval, [a[1]], (args, r, rows) => Each<PgInterval>(args[0], r, rows, v => r.Set(v.Row, TruncateInterval(v.Value, field))));
                }
                var ts = a[1].Type.Id == TypeId.Date ? TypeUnification.To(a[1], SqlType.Timestamp) : a[1];
                var unit = ts.Type.Unit;
                return new FunctionExpression(name, ts.Type, [ts], (args, r, rows) => Each<long>(args[0], r, rows, v => r.Set(v.Row, Truncate(v.Value, field, unit))));
            }
            case "date_part" or "extract" when a.Count == 2 && ZonedTimeFunctions.ZoneField(a[0]) is { } zoneField:
                return ZonedTimeFunctions.OffsetPart(name, a[0], zoneField, a[1], TimeZoneInfo.Utc); // planned without a session
            case "date_part" or "extract" when a.Count == 2:
            {
                var field = Field(name, a[0], PartFields);
                var value = a[1];
                // PostgreSQL: date_part returns float8, EXTRACT numeric (exact: epoch keeps every microsecond).
                var exact = name == "extract";
                var type = exact ? SqlType.Numeric : SqlType.Float8;
                if (value.Type.Id == TypeId.Interval)
                {
                    return new FunctionExpression(name, type, [value], (args, r, rows) => Each<PgInterval>(args[0], r, rows, v =>
                    {
                        if (exact)
                            r.Set(v.Row, WithScale(ExactIntervalPart(v.Value, field), field));
                        else
                            r.Set(v.Row, IntervalPart(v.Value, field));
                    }));
                }
                if (value.Type.Id == TypeId.Time)
                    return TimeParts(name, field, type, value);
                // EXTRACT from a date has no time of day and whole numbers only (PostgreSQL's extract_date); date_part
                // reads the date as a timestamp, so it answers 0 there.
                var wholeDate = exact && value.Type.Id == TypeId.Date;
                if (wholeDate && field is "hour" or "minute" or "second" or "milliseconds" or "microseconds")
                {
                    // Refused on the first date read, as PostgreSQL does (no rows or only NULLs: no error).
                    return new FunctionExpression(name, type, [value], (args, r, rows) => Each<int>(args[0], r, rows,
                        _ => throw new ExecutionException(SqlState.FeatureNotSupported, $"unit \"{field}\" not supported for type date")));
                }
                var ts = value.Type.Id == TypeId.Date ? TypeUnification.To(value, SqlType.Timestamp) : value;
                var unit = ts.Type.Unit;
                if (!exact && field == "epoch")
                {
                    double perSecond = TimeUnits.PerSecond(unit);
                    return new FunctionExpression(name, type, [ts], (args, r, rows) => Epochs(args[0], r, rows, perSecond));
                }
                return new FunctionExpression(name, type, [ts], (args, r, rows) => Each<long>(args[0], r, rows, v =>
                {
                    if (TemporalInfinity.IsTimestamp(v.Value))
                        InfinitePart(r, v.Row, v.Value, field, exact);
                    else if (wholeDate)
                        r.Set(v.Row, decimal.Round(ExactPart(v.Value, field, unit), 0));
                    else if (exact)
                        r.Set(v.Row, WithScale(ExactPart(v.Value, field, unit), field));
                    else
                        r.Set(v.Row, Part(v.Value, field, unit));
                }));
            }
            case "to_timestamp" when a.Count == 1:
                return MathFunctions.Unary(name, SqlType.TimestampTz, TypeUnification.To(a[0], SqlType.Float8), Kernels.Unary<double, long, EpochToTimestampOp>);
            default:
                return null;
        }
    }

    private readonly record struct Cell<T>(int Row, T Value);

    /// <summary>Runs a NULL-propagating body over the live rows of one argument.</summary>
    private static void Each<T>(Vector input, Vector result, ReadOnlySpan<int> rows, Action<Cell<T>> body) where T : unmanaged
    {
        if (input.IsConstant)
            result.ResetConstant();
        else
            result.ResetFlat();
        foreach (var i in rows)
        {
            if (input.IsNull(i))
                result.SetNull(i);
            else
                body(new Cell<T>(i, input.Get<T>(i)));
        }
    }

    /// <summary>
    /// date_part('epoch', ts) as one tight loop: the per-second throughput query (<c>group by ceil(ts)</c>) computes it
    /// for every packet, and the general per-row body (a delegate call and a field switch a row) cost more than the
    /// grouping. Same arithmetic as <see cref="Part"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Epochs(Vector input, Vector result, ReadOnlySpan<int> rows, double perSecond)
    {
        if (input.IsConstant)
        {
            result.ResetConstant();
            if (input.IsNull(0))
                result.SetNull(0);
            else
                result.Data<double>()[0] = Epoch(input.Get<long>(0), perSecond);
            return;
        }
        result.ResetFlat();
        var stored = input.Data<long>();
        var seconds = result.Data<double>();
        foreach (var i in rows)
            seconds[i] = Epoch(stored[i], perSecond);
        if (input.Validity.AllValid)
            return;
        foreach (var i in rows)
        {
            if (input.IsNull(i))
                result.SetNull(i);
        }
    }

    /// <summary>An infinite timestamp's epoch is ±Infinity (PostgreSQL 15).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double Epoch(long stored, double perSecond) => TemporalInfinity.IsTimestamp(stored)
        ? (stored > 0 ? double.PositiveInfinity : double.NegativeInfinity)
        : stored / perSecond;

    /// <summary>
    /// PostgreSQL 15 on an infinite date or timestamp: the fields that grow with time (epoch, year, decade, century,
    /// millennium) are ±Infinity, the others NULL. EXTRACT's numeric has no infinity in VND (decimal), so there it is
    /// 0A000 rather than a finite number.
    /// </summary>
    private static void InfinitePart(Vector result, int row, long stored, string field, bool exact)
    {
        if (field is not ("epoch" or "year" or "isoyear" or "decade" or "century" or "millennium"))
            result.SetNull(row);
        else if (exact)
            throw new ExecutionException(SqlState.FeatureNotSupported, $"extract({field}) of an infinite value is numeric infinity, which VND's numeric cannot hold; use date_part");
        else
            result.Set(row, stored > 0 ? double.PositiveInfinity : double.NegativeInfinity);
    }

    /// <summary>date_trunc; an infinite timestamp stays infinite.</summary>
    public static long Truncate(long stored, string field, TimeUnit unit)
    {
        if (TemporalInfinity.IsTimestamp(stored))
            return stored;
        var perSecond = TimeUnits.PerSecond(unit);
        long Floor(long size) => TimeUnits.FloorDiv(stored, size) * size;
        switch (field)
        {
            case "microseconds": return Floor(perSecond / 1_000_000);
            case "milliseconds": return Floor(perSecond / 1000);
            case "second": return Floor(perSecond);
            case "minute": return Floor(perSecond * 60);
            case "hour": return Floor(perSecond * 3600);
            case "day": return Floor(perSecond * 86400);
        }
        var t = DateTime.UnixEpoch.AddTicks(TimeUnits.ToTicks(stored, unit));
        // The decade of years 1–9 starts in 1 BC, before the years VND holds: 22008, not DateTime's exception.
        if (field == "decade" && t.Year < 10)
            throw ExecutionErrors.OutOfRangeException(SqlType.Timestamp);
        var truncated = field switch
        {
            "week" => t.Date.AddDays(-(((int)t.DayOfWeek + 6) % 7)),
            "month" => new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc),
            "quarter" => new DateTime(t.Year, (((t.Month - 1) / 3) * 3) + 1, 1, 0, 0, 0, DateTimeKind.Utc),
            "year" => new DateTime(t.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            "decade" => new DateTime(t.Year - (t.Year % 10), 1, 1, 0, 0, 0, DateTimeKind.Utc),
            "century" => new DateTime((((t.Year - 1) / 100) * 100) + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            _ => new DateTime((((t.Year - 1) / 1000) * 1000) + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        return TimeUnits.FromTicks(truncated.Ticks - DateTime.UnixEpoch.Ticks, unit);
    }

    /// <summary>
    /// date_trunc of an interval as PostgreSQL's interval_trunc: split into years, months, days, hours, minutes,
    /// seconds and microseconds (each truncated toward zero, so a negative part stays negative) and zero every part
    /// below the unit. Weeks are refused as PostgreSQL does (months have fractional weeks). Called once with a
    /// zero interval when the call is built, so an unsupported unit fails before any row.
    /// </summary>
    public static PgInterval TruncateInterval(PgInterval v, string field)
    {
        long years = v.Months / 12, months = v.Months % 12, days = v.Days;
        long hours = v.Micros / 3_600_000_000L, minutes = v.Micros / 60_000_000L % 60;
        long seconds = v.Micros / 1_000_000L % 60, micros = v.Micros % 1_000_000L;
        switch (field)
        {
            case "millennium": years = years / 1000 * 1000; goto case "decade";
            case "century": years = years / 100 * 100; goto case "decade";
            case "decade": years = years / 10 * 10; goto case "year";
            case "year": months = 0; goto case "month";
            case "quarter": months = 3 * (months / 3); goto case "month";
            case "month": days = 0; goto case "day";
            case "day": hours = 0; goto case "hour";
            case "hour": minutes = 0; goto case "minute";
            case "minute": seconds = 0; goto case "second";
            case "second": micros = 0; break;
            case "milliseconds": micros = micros / 1000 * 1000; break;
            case "microseconds": break;
            case "week": throw new ExecutionException(SqlState.FeatureNotSupported, "interval units \"week\" not supported because months usually have fractional weeks");
            default: throw new ExecutionException(SqlState.FeatureNotSupported, $"interval units \"{field}\" not supported");
        }
        return new PgInterval((int)((years * 12) + months), (int)days, (((((hours * 60) + minutes) * 60) + seconds) * 1_000_000L) + micros);
    }

    public static double Part(long stored, string field, TimeUnit unit)
    {
        var perSecond = TimeUnits.PerSecond(unit);
        if (field == "epoch")
            return (double)stored / perSecond;
        var t = DateTime.UnixEpoch.AddTicks(TimeUnits.ToTicks(stored, unit));
        var secondFraction = (double)(stored - (TimeUnits.FloorDiv(stored, perSecond) * perSecond)) / perSecond;
        return field switch
        {
            "microseconds" => Math.Round((t.Second + secondFraction) * 1_000_000),
            "milliseconds" => (t.Second + secondFraction) * 1000,
            "second" => t.Second + secondFraction,
            "minute" => t.Minute,
            "hour" => t.Hour,
            "day" => t.Day,
            "dow" => (int)t.DayOfWeek,
            "isodow" => t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek,
            "doy" => t.DayOfYear,
            "week" => System.Globalization.ISOWeek.GetWeekOfYear(t),
            "isoyear" => System.Globalization.ISOWeek.GetYear(t),
            "month" => t.Month,
            "quarter" => ((t.Month - 1) / 3) + 1,
            "year" => t.Year,
            "decade" => t.Year / 10,
            "century" => ((t.Year - 1) / 100) + 1,
            _ => ((t.Year - 1) / 1000) + 1,
        };
    }

    /// <summary>
    /// EXTRACT's numeric has PostgreSQL's scale: 6 digits for epoch and second, 3 for milliseconds, so psql prints
    /// 3600.000000 as PostgreSQL does (adding a zero of that scale sets a decimal's scale without changing its value).
    /// </summary>
    private static decimal WithScale(decimal value, string field) => field switch
    {
        "epoch" or "second" => value + 0.000000m,
        "milliseconds" => value + 0.000m,
        _ => value,
    };

    /// <summary>EXTRACT's numeric result: epoch and seconds are exact decimal fractions, other fields integral.</summary>
    public static decimal ExactPart(long stored, string field, TimeUnit unit)
    {
        var perSecond = TimeUnits.PerSecond(unit);
        return field switch
        {
            "epoch" => (decimal)stored / perSecond,
            "second" => (decimal)(stored - (TimeUnits.FloorDiv(stored, perSecond * 60) * perSecond * 60)) / perSecond,
            "milliseconds" => (decimal)(stored - (TimeUnits.FloorDiv(stored, perSecond * 60) * perSecond * 60)) * 1000 / perSecond,
            _ => (decimal)Part(stored, field, unit),
        };
    }

    /// <summary>date_part/extract of a time: hour, minute, second (with its fraction), milliseconds, microseconds, epoch.</summary>
    private static FunctionExpression TimeParts(string name, string field, SqlType type, Expression value)
    {
        if (field is not ("epoch" or "microseconds" or "milliseconds" or "second" or "minute" or "hour"))
            throw new ExecutionException(SqlState.FeatureNotSupported, $"unit \"{field}\" not supported for type time without time zone");
        var exact = type.Id == TypeId.Numeric;
        return new FunctionExpression(name, type, [value], (args, r, rows) => Each<long>(args[0], r, rows, v =>
        {
            var part = field switch
            {
                "epoch" => v.Value / 1_000_000m,
                "hour" => v.Value / 3_600_000_000L,
                "minute" => v.Value / 60_000_000L % 60,
                "second" => v.Value % 60_000_000L / 1_000_000m,
                "milliseconds" => v.Value % 60_000_000L / 1000m,
                _ => v.Value % 60_000_000L,
            };
            if (exact)
                r.Set(v.Row, WithScale(part, field));
            else
                r.Set(v.Row, (double)part);
        }));
    }

    private static decimal ExactIntervalPart(PgInterval v, string field) => field switch
    {
        // PostgreSQL counts a year as 365.25 days and a remaining month as 30.
        "epoch" => ((v.Months / 12) * 365.25m * 86400) + ((((long)(v.Months % 12) * 30) + v.Days) * 86400m) + (v.Micros / 1_000_000m),
        "second" => v.Micros % 60_000_000L / 1_000_000m,
        "milliseconds" => v.Micros % 60_000_000L / 1000m,
        _ => (decimal)IntervalPart(v, field),
    };

    private static double IntervalPart(PgInterval v, string field) => field switch
    {
        "epoch" => ((v.Months / 12) * 365.25 * 86400) + ((((v.Months % 12) * 30.0) + v.Days) * 86400) + (v.Micros / 1e6),
        "year" => v.Months / 12,
        "month" => v.Months % 12,
        "day" => v.Days,
        "hour" => v.Micros / 3_600_000_000L,
        "minute" => v.Micros / 60_000_000L % 60,
        "second" => v.Micros % 60_000_000L / 1e6,
        "milliseconds" => v.Micros % 60_000_000L / 1e3,
        "microseconds" => v.Micros % 60_000_000L,
        // Quarters and multiples of years as PostgreSQL's interval_part: of the months and years fields, truncated toward zero.
        "quarter" => (v.Months % 12 / 3) + 1,
        "decade" => v.Months / 12 / 10,
        "century" => v.Months / 12 / 100,
        "millennium" => v.Months / 12 / 1000,
        _ => throw new ExecutionException(SqlState.FeatureNotSupported, $"unit \"{field}\" not supported for type interval"),
    };

    internal static string Field(string function, Expression argument, string[] allowed)
    {
        if (argument is not ConstantExpression { Value: string text })
            throw new ExecutionException(SqlState.FeatureNotSupported, $"{function} needs a literal field name");
        var field = text.ToLowerInvariant() switch
        {
            "us" or "usec" or "microsecond" => "microseconds",
            "ms" or "msec" or "millisecond" => "milliseconds",
            "seconds" or "sec" or "s" => "second",
            "minutes" or "min" => "minute",
            "hours" or "h" => "hour",
            "days" or "d" => "day",
            "weeks" => "week",
            "months" or "mon" => "month",
            "years" or "y" => "year",
            var f => f,
        };
        if (!allowed.Contains(field))
            throw new ExecutionException(SqlState.InvalidParameterValue, $"unit \"{text}\" not recognized for {function}");
        return field;
    }

    private readonly struct EpochToTimestampOp : IUnaryOp<double, long>
    {
        public static long Apply(double seconds)
        {
            // to_timestamp('infinity') is the infinite timestamp in PostgreSQL; NaN has no timestamp.
            if (double.IsNaN(seconds))
                throw new ExecutionException(SqlState.DatetimeFieldOverflow, "timestamp cannot be NaN");
            if (double.IsInfinity(seconds))
                return seconds > 0 ? long.MaxValue : long.MinValue;
            return checked((long)Math.Round(seconds * 1_000_000));
        }
    }
}
