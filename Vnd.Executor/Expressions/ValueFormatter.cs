using System.Globalization;
using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>PostgreSQL text output of boxed values (the forms psql prints).</summary>
public static class ValueFormatter
{
    public static string Format(object value, SqlType type)
    {
        var invariant = CultureInfo.InvariantCulture;
        return value switch
        {
            bool b => b ? "true" : "false",
            double d when double.IsNaN(d) => "NaN",
            double d when double.IsPositiveInfinity(d) => "Infinity",
            double d when double.IsNegativeInfinity(d) => "-Infinity",
            // float8out's exponent is lower-case (1e+300); the shortest round-trip digits are the same.
            double d => d.ToString("R", invariant).Replace('E', 'e'),
            decimal m => m.ToString(invariant),
            DateTime t when type.Id == TypeId.TimestampTz => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", invariant).TrimEnd('.') + "+00",
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", invariant).TrimEnd('.'),
            DateOnly d => d.ToString("yyyy-MM-dd", invariant),
            PgInterval i => FormatInterval(i),
            TimeSpan time => TimeOfDay.Format(time.Ticks / TimeSpan.TicksPerMicrosecond),
            byte[] bytes => "\\x" + Convert.ToHexStringLower(bytes),
            ArrayValue array => ArrayText.Format(array.Items, array.Element),
            ulong mac when type.Id == TypeId.MacAddr => FormatMac(mac),
            InetValue inet when type.Id == TypeId.Cidr => NetworkFunctions.WithPrefix(inet),
            int oid when type.Id == TypeId.Oid => unchecked((uint)oid).ToString(invariant),
            IFormattable f => f.ToString(null, invariant),
            _ => value.ToString() ?? "",
        };
    }

    /// <summary>
    /// timestamptz output in <paramref name="zone"/> (the session's TimeZone): the wall-clock time there and its
    /// offset as PostgreSQL prints it (+01, +05:30, -03:30, seconds only when the offset has them).
    /// </summary>
    public static string FormatZoned(DateTime instant, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(instant, DateTimeKind.Utc));
        var local = instant.Add(offset).ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
        return local + Offset(offset);
    }

    /// <summary>A UTC offset the way timestamptz output ends: sign, two-digit hours, then :mm and :ss when not zero.</summary>
    public static string Offset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var magnitude = offset.Duration();
        var text = $"{sign}{(int)magnitude.TotalHours:00}";
        if (magnitude.Minutes != 0 || magnitude.Seconds != 0)
            text += $":{magnitude.Minutes:00}";
        if (magnitude.Seconds != 0)
            text += $":{magnitude.Seconds:00}";
        return text;
    }

    /// <summary>PostgreSQL's default (postgres style) interval output, e.g. "1 year 2 mons 3 days 04:05:06.5";
    /// a positive part after a negative one gets a '+' ("-1 days +02:00:00"), and only exactly 1 is singular.</summary>
    public static string FormatInterval(PgInterval interval)
    {
        var sb = new StringBuilder();
        var before = false;
        Part(sb, interval.Months / 12, "year", ref before);
        Part(sb, interval.Months % 12, "mon", ref before);
        Part(sb, interval.Days, "day", ref before);
        if (interval.Micros != 0 || sb.Length == 0)
        {
            if (sb.Length > 0)
                sb.Append(' ');
            var micros = interval.Micros;
            if (micros < 0)
            {
                sb.Append('-');
                micros = -micros;
            }
            else if (before)
            {
                sb.Append('+');
            }
            var hours = micros / 3_600_000_000L;
            var minutes = micros / 60_000_000L % 60;
            var seconds = micros / 1_000_000L % 60;
            var fraction = micros % 1_000_000L;
            sb.Append(CultureInfo.InvariantCulture, $"{hours:00}:{minutes:00}:{seconds:00}");
            if (fraction != 0)
                sb.Append('.').Append(fraction.ToString("000000", CultureInfo.InvariantCulture).TrimEnd('0'));
        }
        return sb.ToString();
    }

    private static void Part(StringBuilder sb, int value, string unit, ref bool before)
    {
        if (value == 0)
            return;
        if (sb.Length > 0)
            sb.Append(' ');
        if (before && value > 0)
            sb.Append('+');
        sb.Append(value).Append(' ').Append(unit);
        if (value != 1)
            sb.Append('s');
        before = value < 0;
    }

    private static string FormatMac(ulong mac)
    {
        Span<char> text = stackalloc char[17];
        for (var i = 0; i < 6; i++)
        {
            var b = (byte)(mac >> (40 - (8 * i)));
            text[i * 3] = "0123456789abcdef"[b >> 4];
            text[(i * 3) + 1] = "0123456789abcdef"[b & 15];
            if (i < 5)
                text[(i * 3) + 2] = ':';
        }
        return new string(text);
    }
}
