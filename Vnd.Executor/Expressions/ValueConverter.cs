using System.Globalization;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Row-at-a-time conversion of boxed values between types (the slow path of CAST, also used to fold literals).
/// Text forms follow PostgreSQL's output functions; bad text raises 22P02 like PostgreSQL's input functions.
/// <c>now</c> is the statement's (in a transaction block, the transaction's) instant, which the special inputs
/// 'now', 'today', 'tomorrow' and 'yesterday' are relative to, as now() is; null only outside any statement.
/// <c>zone</c> is the session's TimeZone, which PostgreSQL applies inside expressions: timestamptz text is printed
/// in it and zoneless text read as its wall-clock time; null (no session) is UTC.
/// </summary>
public static partial class ValueConverter
{
    public static object? Convert(object? value, SqlType from, SqlType to, DateTime? now = null, TimeZoneInfo? zone = null)
    {
        if (value is null)
            return null;
        // inet::text keeps the prefix even at full width (text(inet) in PostgreSQL), unlike inet's output form.
        if (to.Id == TypeId.Text && value is Vectors.InetValue inet)
            return NetworkFunctions.WithPrefix(inet);
        if (to.Id == TypeId.Array)
            return ArrayConversions.ToArray(value, from, to.Element!, now, zone);
        if (to.Id == TypeId.Text)
        {
            return zone is null ? ValueFormatter.Format(value, from) : value switch
            {
                DateTime instant when from.Id == TypeId.TimestampTz => ValueFormatter.FormatZoned(instant, zone),
                ArrayValue array => ArrayText.Format(array.Items, array.Element, zone),
                _ => ValueFormatter.Format(value, from),
            };
        }
        if (value is string text)
            return Parse(text.Trim(), to, now, zone);
        return (value, to.Id) switch
        {
            // Casts between date, timestamp and timestamptz keep an infinity; its time of day is NULL (timestamp_time).
            (TemporalInfinity, TypeId.Date or TypeId.Timestamp or TypeId.TimestampTz) => value,
            (TemporalInfinity, TypeId.Time) => null,
            // In the session's zone (array elements; scalars go through timezone() in the translator): a timestamp or
            // date becoming a timestamptz is the zone's wall-clock time, a timestamptz's calendar is read there.
            (DateTime t, TypeId.TimestampTz) when zone is not null && from.Id == TypeId.Timestamp => InZone(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), zone),
            (DateOnly d, TypeId.TimestampTz) when zone is not null => InZone(d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone),
            (DateTime t, TypeId.Date or TypeId.Timestamp or TypeId.Time) when zone is not null && from.Id == TypeId.TimestampTz =>
                Convert(t.Add(zone.GetUtcOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc))), SqlType.Timestamp, to),
            (DateTime t, TypeId.Date) => DateOnly.FromDateTime(t),
            (DateOnly d, TypeId.Timestamp or TypeId.TimestampTz) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            (DateTime t, TypeId.Timestamp or TypeId.TimestampTz) => t,
            (DateTime t, TypeId.Time) => t.TimeOfDay,
            (PgInterval i, TypeId.Time) => Micros(TimeOfDay.Shift(0, i.Micros)),
            (TimeSpan t, TypeId.Interval) => new PgInterval(0, 0, t.Ticks / TimeSpan.TicksPerMicrosecond),
            (TimeSpan t, TypeId.Time) => t,
            (InetValue v, TypeId.Inet) => v,
            (InetValue v, TypeId.Cidr) => v.MaskedTo(v.Prefix), // the cast zeroes the host bits (inet_to_cidr)
            (bool b, TypeId.Int4) => b ? 1 : 0,
            (int i, TypeId.Bool) => i != 0,
            (int i, TypeId.Oid) => i,
            (long l, TypeId.Oid) when l is >= int.MinValue and <= uint.MaxValue => unchecked((int)(uint)l),
            _ when to.IsNumeric && value is IConvertible => ConvertNumber(value, to),
            _ => throw new ExecutionException(SqlState.CannotCoerce, $"cannot cast type {from.PgName} to {to.PgName}"),
        };
    }

    public static object Parse(string text, SqlType to, DateTime? now = null, TimeZoneInfo? zone = null)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (to.Id is TypeId.Date or TypeId.Timestamp or TypeId.TimestampTz && Special(text, to.Id, now ?? SpecialDateTimes.Clock(), zone) is { } special)
            return special;
        TimeZoneInfo? named = null;
        var parsed = to.Id is TypeId.Date or TypeId.Timestamp or TypeId.TimestampTz ? DateTimeInput.Normalize(text, out named) : text;
        try
        {
            switch (to.Id)
            {
                case TypeId.Bool:
                    return text.ToLowerInvariant() switch
                    {
                        "t" or "true" or "yes" or "y" or "on" or "1" => true,
                        "f" or "false" or "no" or "n" or "off" or "0" => false,
                        _ => throw new FormatException(),
                    };
                case TypeId.Int2: return short.Parse(text, NumberStyles.AllowLeadingSign, invariant);
                case TypeId.Int4: return int.Parse(text, NumberStyles.AllowLeadingSign, invariant);
                case TypeId.Int8: return long.Parse(text, NumberStyles.AllowLeadingSign, invariant);
                case TypeId.Float4 or TypeId.Float8:
                    return text.ToLowerInvariant() switch
                    {
                        "nan" => double.NaN,
                        "infinity" or "inf" => double.PositiveInfinity,
                        "-infinity" or "-inf" => double.NegativeInfinity,
                        _ => double.Parse(text, NumberStyles.Float, invariant),
                    };
                case TypeId.Numeric: return decimal.Parse(text, NumberStyles.Float, invariant);
                case TypeId.Bytea: return ParseBytea(text);
                case TypeId.Date: return DateOnly.Parse(parsed, invariant);
                case TypeId.Time: return Micros(TimeOfDay.Parse(text));
                case TypeId.Json: return Json.JsonText.Json(text);
                case TypeId.Jsonb: return Json.JsonText.Jsonb(text);
                // A zone named after the time is the wall clock's zone, in place of the session's.
                case TypeId.TimestampTz when (named ?? zone) is { } wallClockZone:
                    return InZone(DateTime.Parse(parsed, invariant, DateTimeStyles.AdjustToUniversal), wallClockZone);
                // timestamp without time zone ignores an offset or zone in its input, as PostgreSQL does: the wall clock as written.
                case TypeId.Timestamp:
                    return DateTime.SpecifyKind(DateTimeOffset.Parse(parsed, invariant, DateTimeStyles.AssumeUniversal).DateTime, DateTimeKind.Utc);
                case TypeId.TimestampTz:
                    return DateTime.Parse(parsed, invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                case TypeId.Inet: return VectorValues.ParseInet(text);
                case TypeId.Cidr: return ParseCidr(text);
                case TypeId.Interval: return IntervalParser.Parse(text);
                // oidin: 0 … 4294967295 (and negatives down to int.MinValue, as PostgreSQL accepts), kept in 32 bits.
                case TypeId.Oid: return ParseOid(long.Parse(text, NumberStyles.AllowLeadingSign, invariant));
                default: throw new ExecutionException(SqlState.CannotCoerce, $"cannot cast type text to {to.PgName}");
            }
        }
        catch (OverflowException)
        {
            throw new ExecutionException(SqlState.NumericValueOutOfRange, $"value \"{text}\" is out of range for type {to.PgName}");
        }
        catch (FormatException) when (to.Id is TypeId.Date or TypeId.Timestamp or TypeId.TimestampTz or TypeId.Interval)
        {
            // PostgreSQL: a well-formed date with an impossible field is 22008, anything else 22007.
            var outOfRange = to.Id != TypeId.Interval && DateShape().IsMatch(parsed);
            throw new ExecutionException(outOfRange ? SqlState.DatetimeFieldOverflow : SqlState.InvalidDatetimeFormat,
                outOfRange ? $"date/time field value out of range: \"{text}\"" : $"invalid input syntax for type {to.PgName}: \"{text}\"");
        }
        catch (FormatException)
        {
            throw new ExecutionException(SqlState.InvalidTextRepresentation, $"invalid input syntax for type {to.PgName}: \"{text}\"");
        }
    }

    /// <summary>
    /// Text with an offset (or Z) parses to UTC (Kind Utc); without one it is the zone's wall-clock time (Kind
    /// Unspecified), read with PostgreSQL's rules for skipped and repeated times.
    /// </summary>
    private static DateTime InZone(DateTime parsed, TimeZoneInfo zone)
    {
        if (parsed.Kind == DateTimeKind.Utc)
            return parsed;
        var local = (parsed.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        var offsetMicros = local - new TimeZoneLookup.ZoneRules(zone).LocalToUtcMicros(local);
        return DateTime.SpecifyKind(parsed.AddTicks(-offsetMicros * 10), DateTimeKind.Utc);
    }

    /// <summary>
    /// 'now', 'today', 'tomorrow', 'yesterday', 'epoch' and the infinities, or null. In a zone, the days are the
    /// zone's (its date now, its midnight read back as an instant); 'now' and 'epoch' are the same instants anywhere.
    /// </summary>
    private static object? Special(string text, TypeId to, DateTime clock, TimeZoneInfo? zone)
    {
        if (zone is null)
            return SpecialDateTimes.TryParse(text, to, clock, out var utc) ? utc : null;
        var wallClock = clock.Add(zone.GetUtcOffset(DateTime.SpecifyKind(clock, DateTimeKind.Utc)));
        if (!SpecialDateTimes.TryParse(text, to, wallClock, out var special))
            return null;
        if (to != TypeId.TimestampTz || special is not DateTime)
            return special;
        return text.ToLowerInvariant() switch
        {
            "now" => DateTime.SpecifyKind(clock, DateTimeKind.Utc),
            "epoch" => special,
            _ => InZone(DateTime.SpecifyKind((DateTime)special, DateTimeKind.Unspecified), zone),
        };
    }

    private static TimeSpan Micros(long micros) => TimeSpan.FromTicks(micros * TimeSpan.TicksPerMicrosecond);

    private static int ParseOid(long value) =>
        value is >= int.MinValue and <= uint.MaxValue ? unchecked((int)(uint)value) : throw new OverflowException();

    private static object ConvertNumber(object value, SqlType to)
    {
        // numeric → integer rounds half away from zero in PostgreSQL (2.5::int4 = 3); Convert would round to even.
        if (value is decimal d && to.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8)
            value = Math.Round(d, MidpointRounding.AwayFromZero);
        try
        {
            return to.Id switch
            {
                TypeId.Int2 => System.Convert.ToInt16(value, CultureInfo.InvariantCulture),
                TypeId.Int4 => System.Convert.ToInt32(value, CultureInfo.InvariantCulture),
                TypeId.Int8 => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
                // numeric has no negative zero in PostgreSQL: decimal's -0.0 becomes +0 (adding +0.0 does only that)
                TypeId.Float4 or TypeId.Float8 => value is decimal m ? (double)m + 0.0 : System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
                _ => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            };
        }
        catch (OverflowException)
        {
            throw ExecutionErrors.OutOfRangeException(to);
        }
    }

    /// <summary>byteain: <c>\x</c> then hex digits, or the escape format (<c>\\</c>, <c>\ooo</c>, other bytes as they are).</summary>
    private static byte[] ParseBytea(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return text.StartsWith("\\x", StringComparison.Ordinal)
            ? ByteaEncoding.Decode(bytes.AsSpan(2), "hex")
            : ByteaEncoding.Decode(bytes, "escape");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?([+-]\d{1,2}(:?\d{2})?)?$")]
    private static partial System.Text.RegularExpressions.Regex DateShape();

    /// <summary>cidr_in: a network address, so host bits right of the mask are an error (a cast from inet masks them).</summary>
    private static InetValue ParseCidr(string text)
    {
        var value = VectorValues.ParseInet(text);
        if (!value.Equals(value.MaskedTo(value.Prefix)))
            throw new ExecutionException(SqlState.InvalidTextRepresentation, $"invalid cidr value: \"{text}\" (value has bits set to right of mask)");
        return value;
    }
}
