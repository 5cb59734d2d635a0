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
            switch (unit)
            {
                case "year" or "yr" or "y": months += (int)(number * 12); break;
                case "mon" or "month": months += (int)number; break;
                case "week" or "w": days += (int)(number * 7); break;
                case "day" or "d": days += (int)number; break;
                case "hour" or "hr" or "h": micros += (long)(number * 3_600_000_000L); break;
                case "minute" or "min" or "m": micros += (long)(number * 60_000_000L); break;
                case "second" or "sec": micros += (long)(number * 1_000_000L); break;
                case "millisecond" or "msec" or "ms": micros += (long)(number * 1000); break;
                case "microsecond" or "u": micros += (long)number; break;
                default: throw new FormatException();
            }
        }
        return new PgInterval(months, days, micros);
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
