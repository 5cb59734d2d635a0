using System.Globalization;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Expressions;

/// <summary>Parses PostgreSQL interval input: "N unit" pairs (year, month, week, day, hour, minute, second,
/// millisecond, microsecond, singular or plural, abbreviations) and an optional trailing hh:mm[:ss.ffffff].</summary>
public static class IntervalParser
{
    public static PgInterval Parse(string text)
    {
        int months = 0, days = 0;
        long micros = 0;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // An empty or blank string is not a zero interval: PostgreSQL's interval_in refuses it (22007).
        if (parts.Length == 0)
            throw new FormatException();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Contains(':', StringComparison.Ordinal))
            {
                micros += ParseClock(part);
                continue;
            }
            var number = double.Parse(part, NumberStyles.Float, CultureInfo.InvariantCulture);
            var unit = i + 1 < parts.Length ? parts[++i].ToLowerInvariant() : "second";
            // Plurals lose their s, but "ms" is milliseconds, not a plural of "m" (minutes).
            unit = unit == "ms" ? unit : unit.TrimEnd('s');
            // A fraction spills into the next smaller field as PostgreSQL's DecodeInterval does: years into months,
            // months (30 days) and weeks into days and then time, days into time ('1.5 days' is 1 day 12:00:00).
            var whole = Math.Truncate(number);
            var fraction = number - whole;
            switch (unit)
            {
                case "year" or "yr" or "y": months += (int)whole * 12 + (int)Math.Round(fraction * 12); break;
                case "mon" or "month": months += (int)whole; FractionOfDays(fraction * 30, ref days, ref micros); break;
                case "week" or "w": days += (int)whole * 7; FractionOfDays(fraction * 7, ref days, ref micros); break;
                case "day" or "d": days += (int)whole; micros += Micros(fraction, PgInterval.MicrosPerDay); break;
                case "hour" or "hr" or "h": micros += Micros(number, 3_600_000_000L); break;
                case "minute" or "min" or "m": micros += Micros(number, 60_000_000L); break;
                case "second" or "sec": micros += Micros(number, 1_000_000L); break;
                case "millisecond" or "msec" or "ms": micros += Micros(number, 1000); break;
                case "microsecond" or "u": micros += (long)Math.Round(number); break;
                default: throw new FormatException();
            }
        }
        return new PgInterval(months, days, micros);
    }

    /// <summary>Whole days of a fractional day count, the rest as microseconds.</summary>
    private static void FractionOfDays(double fractionalDays, ref int days, ref long micros)
    {
        var whole = Math.Truncate(fractionalDays);
        days += (int)whole;
        micros += Micros(fractionalDays - whole, PgInterval.MicrosPerDay);
    }

    /// <summary><paramref name="number"/> units of <paramref name="unit"/> microseconds, a fractional microsecond rounded off.</summary>
    private static long Micros(double number, long unit)
    {
        var scaled = number * unit;
        var whole = (long)scaled;
        return whole + (long)Math.Round(scaled - whole);
    }

    private static long ParseClock(string clock)
    {
        var negative = clock.StartsWith('-');
        var fields = clock.TrimStart('-').Split(':');
        var micros = long.Parse(fields[0], CultureInfo.InvariantCulture) * 3_600_000_000L
            + (long.Parse(fields[1], CultureInfo.InvariantCulture) * 60_000_000L);
        if (fields.Length > 2)
            micros += (long)Math.Round(double.Parse(fields[2], CultureInfo.InvariantCulture) * 1_000_000);
        return negative ? -micros : micros;
    }
}
