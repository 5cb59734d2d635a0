using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// timezone(zone, value) — what <c>value AT TIME ZONE zone</c> means in PostgreSQL: a timestamptz becomes the zone's
/// wall-clock timestamp, a timestamp is read as the zone's wall-clock time and becomes a timestamptz — and
/// date_bin(stride, source, origin), which buckets timestamps into strides counted from an origin (floor, also
/// before the origin). Both compute in microseconds: arguments in nanoseconds are cast first.
/// </summary>
internal static class ZonedTimeFunctions
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        switch (name)
        {
            case "timezone" when a.Count == 2 && a[1].Type.Id is TypeId.Timestamp or TypeId.TimestampTz:
            {
                var toLocal = a[1].Type.Id == TypeId.TimestampTz;
                var zones = new TimeZoneLookup();
                Expression[] args = [TypeUnification.To(a[0], SqlType.Text), TypeUnification.To(a[1], toLocal ? SqlType.TimestampTz : SqlType.Timestamp)];
                RowBody body = (v, result, row) =>
                {
                    var zone = zones.Find(v[0].GetBytes(row));
                    var value = v[1].Get<long>(row);
                    result.Set(row, toLocal ? zone.UtcToLocalMicros(value) : zone.LocalToUtcMicros(value));
                };
                return new FunctionExpression(name, toLocal ? SqlType.Timestamp : SqlType.TimestampTz, args, (values, r, rows) => RowKernel.Each(values, r, rows, body));
            }
            // date_trunc(field, timestamptz, zone) (PostgreSQL 12+): truncated in the named zone, whatever the session's.
            case "date_trunc" when a.Count == 3 && a[1].Type.Id == TypeId.TimestampTz:
            {
                var field = TimeFunctions.Field(name, a[0], TimeFunctions.TruncFields);
                var zones = new TimeZoneLookup();
                Expression[] args = [TypeUnification.To(a[1], SqlType.TimestampTz), TypeUnification.To(a[2], SqlType.Text)];
                RowBody body = (v, result, row) => result.Set(row, Truncate(zones.Find(v[1].GetBytes(row)), field, v[0].Get<long>(row)));
                return new FunctionExpression(name, SqlType.TimestampTz, args, (values, r, rows) => RowKernel.Each(values, r, rows, body));
            }
            case "date_bin" when a.Count == 3 && a[1].Type.Id is TypeId.Timestamp or TypeId.TimestampTz:
            {
                var type = a[1].Type.Id == TypeId.TimestampTz ? SqlType.TimestampTz : SqlType.Timestamp;
                Expression[] args = [TypeUnification.To(a[0], SqlType.Interval), TypeUnification.To(a[1], type), TypeUnification.To(a[2], type)];
                return new FunctionExpression(name, type, args, (values, r, rows) => RowKernel.Each(values, r, rows, Bin));
            }
            default:
                return null;
        }
    }

    /// <summary>
    /// date_trunc(field, timestamptz) in <paramref name="zone"/> (the session's TimeZone), as timestamptz_trunc: the
    /// wall-clock time there is truncated; a field of a day or more is read back with the zone's rules for that
    /// day (so a DST day starts at its own offset), a smaller one keeps the instant's offset.
    /// </summary>
    public static Expression Truncate(TimeZoneInfo zone, Expression field, Expression value)
    {
        var name = TimeFunctions.Field("date_trunc", field, TimeFunctions.TruncFields);
        var rules = new TimeZoneLookup.ZoneRules(zone);
        RowBody body = (v, result, row) => result.Set(row, Truncate(rules, name, v[0].Get<long>(row)));
        return new FunctionExpression("date_trunc", SqlType.TimestampTz, [TypeUnification.To(value, SqlType.TimestampTz)],
            (values, r, rows) => RowKernel.Each(values, r, rows, body));
    }

    /// <summary>The field <paramref name="argument"/> names if it is one of the zone's (timezone, timezone_hour,
    /// timezone_minute, or PostgreSQL's short timezone_h and timezone_m), else null.</summary>
    public static string? ZoneField(Expression argument) =>
        argument is ConstantExpression { Value: string text } ? text.ToLowerInvariant() switch
        {
            "timezone" => "timezone",
            "timezone_hour" or "timezone_h" => "timezone_hour",
            "timezone_minute" or "timezone_m" => "timezone_minute",
            _ => null,
        } : null;

    /// <summary>
    /// extract/date_part(timezone | timezone_hour | timezone_minute, timestamptz): the offset from UTC of
    /// <paramref name="zone"/> (the session's TimeZone) at the instant, east positive, in seconds, or its hours and
    /// minutes (both signed, as timestamptz_part_common: -03:30 is -3 and -30); numeric for extract, float8 for
    /// date_part; NULL for an infinite instant. Other types have no zone: 0A000 as PostgreSQL words it.
    /// </summary>
    public static Expression OffsetPart(string name, Expression fieldArgument, string field, Expression value, TimeZoneInfo zone)
    {
        var unit = ((ConstantExpression)fieldArgument).Value!.ToString()!.ToLowerInvariant();
        var type = value.Type.Id switch
        {
            TypeId.TimestampTz => null,
            TypeId.Date when name == "extract" => "date",
            TypeId.Timestamp or TypeId.Date => "timestamp without time zone",
            TypeId.Time => "time without time zone",
            TypeId.Interval => "interval",
            _ => value.Type.ToString(),
        };
        if (type is not null)
            throw new ExecutionException(SqlState.FeatureNotSupported, $"unit \"{unit}\" not supported for type {type}");
        var exact = name == "extract";
        var rules = new TimeZoneLookup.ZoneRules(zone);
        RowBody body = (v, result, row) =>
        {
            var instant = v[0].Get<long>(row);
            if (TemporalInfinity.IsTimestamp(instant))
            {
                result.SetNull(row);
                return;
            }
            var offset = (rules.UtcToLocalMicros(instant) - instant) / 1_000_000;
            var part = field switch
            {
                "timezone" => offset,
                "timezone_hour" => offset / 3600,
                _ => offset % 3600 / 60,
            };
            if (exact)
                result.Set(row, (decimal)part);
            else
                result.Set(row, (double)part);
        };
        return new FunctionExpression(name, exact ? SqlType.Numeric : SqlType.Float8, [TypeUnification.To(value, SqlType.TimestampTz)],
            (values, r, rows) => RowKernel.Each(values, r, rows, body));
    }

    private static long Truncate(TimeZoneLookup.ZoneRules rules, string field, long instant)
    {
        if (TemporalInfinity.IsTimestamp(instant))
            return instant;
        var local = rules.UtcToLocalMicros(instant);
        var truncated = TimeFunctions.Truncate(local, field, TimeUnit.Microsecond);
        return field is "microseconds" or "milliseconds" or "second" or "minute" or "hour"
            ? instant - (local - truncated)
            : rules.LocalToUtcMicros(truncated);
    }

    /// <summary>
    /// timestamptz ± interval in <paramref name="zone"/>, as timestamptz_pl_interval: months and days move the
    /// wall-clock time there (a day across a DST change is 23 or 25 hours), read back with the zone's rules; the
    /// interval's time part is then added as elapsed time. Without months or days it is plain arithmetic.
    /// </summary>
    public static Expression Shift(TimeZoneInfo zone, Expression instant, Expression interval, int sign)
    {
        var rules = new TimeZoneLookup.ZoneRules(zone);
        RowBody body = (v, result, row) =>
        {
            var value = v[0].Get<long>(row);
            var span = v[1].Get<PgInterval>(row);
            if (TemporalInfinity.IsTimestamp(value) || (span.Months == 0 && span.Days == 0))
            {
                result.Set(row, TemporalArithmeticExpression.Shift(value, span, sign, TimeUnit.Microsecond));
                return;
            }
            var local = TemporalArithmeticExpression.Shift(rules.UtcToLocalMicros(value), new PgInterval(span.Months, span.Days, 0), sign, TimeUnit.Microsecond);
            result.Set(row, checked(rules.LocalToUtcMicros(local) + (sign * span.Micros)));
        };
        return new FunctionExpression(sign > 0 ? "+" : "-", SqlType.TimestampTz,
            [TypeUnification.To(instant, SqlType.TimestampTz), TypeUnification.To(interval, SqlType.Interval)],
            (values, r, rows) => RowKernel.Each(values, r, rows, body));
    }

    private static void Bin(ReadOnlySpan<Vector> args, Vector result, int row)
    {
        var stride = args[0].Get<PgInterval>(row);
        if (stride.Months != 0)
            throw new ExecutionException(SqlState.FeatureNotSupported, "timestamps cannot be binned into intervals containing months or years");
        var size = (stride.Days * PgInterval.MicrosPerDay) + stride.Micros;
        if (size <= 0)
            throw new ExecutionException(SqlState.DatetimeFieldOverflow, "stride must be greater than zero");
        var source = args[1].Get<long>(row);
        var origin = args[2].Get<long>(row);
        if (TemporalInfinity.IsTimestamp(source))
        {
            result.Set(row, source); // timestamp_bin returns an infinite source as it is
            return;
        }
        long offset;
        try
        {
            offset = checked(source - origin);
        }
        catch (OverflowException)
        {
            throw new ExecutionException(SqlState.DatetimeFieldOverflow, "interval out of range");
        }
        result.Set(row, origin + (TimeUnits.FloorDiv(offset, size) * size));
    }
}
