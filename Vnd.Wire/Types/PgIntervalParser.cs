using System.Globalization;

namespace Vnd.Wire.Types;

/// <summary>
/// Reads interval text in the forms clients send back: PostgreSQL's own output ("1 year 2 mons 3 days 04:05:06.5",
/// "-1 days +02:00:00") and verbose units ("3 hours 20 minutes", "90 seconds"). ISO 8601 "P..." is not accepted.
/// </summary>
public static class PgIntervalParser
{
    public static bool TryParse(string text, out PgInterval value)
    {
        value = default;
        var parts = text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        long months = 0, days = 0, micros = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Contains(':', StringComparison.Ordinal))
            {
                if (!TryTime(part, out var time))
                {
                    return false;
                }

                micros += time;
                continue;
            }

            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || i + 1 >= parts.Length)
            {
                return false;
            }

            var unit = parts[++i].ToLowerInvariant().TrimEnd('s');
            switch (unit)
            {
                case "year": months += (long)Math.Round(number * 12); break;
                case "mon" or "month": months += (long)Math.Round(number); break;
                case "week": days += (long)Math.Round(number * 7); break;
                case "day": days += (long)Math.Round(number); break;
                case "hour": micros += (long)Math.Round(number * 3_600_000_000d); break;
                case "min" or "minute": micros += (long)Math.Round(number * 60_000_000d); break;
                case "sec" or "second": micros += (long)Math.Round(number * 1_000_000d); break;
                case "millisecond": micros += (long)Math.Round(number * 1_000d); break;
                case "microsecond": micros += (long)Math.Round(number); break;
                default: return false;
            }
        }

        if (parts.Length == 0 || months is < int.MinValue or > int.MaxValue || days is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = new PgInterval((int)months, (int)days, micros);
        return true;
    }

    /// <summary>[+|-]H:MM[:SS[.ffffff]] as signed microseconds.</summary>
    private static bool TryTime(string text, out long micros)
    {
        micros = 0;
        var negative = text.StartsWith('-');
        var fields = text.TrimStart('+', '-').Split(':');
        if (fields.Length is < 2 or > 3 ||
            !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) ||
            !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || hours > 2_562_047_788 ||
            minutes > 153_722_867_280)
        {
            return false;
        }

        decimal seconds = 0;
        if (fields.Length == 3 && (!decimal.TryParse(fields[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds) ||
                                   seconds >= 1_000_000_000_000m))
        {
            return false;
        }

        micros = (hours * 3_600_000_000L) + (minutes * 60_000_000L) + (long)Math.Round(seconds * 1_000_000m);
        micros = negative ? -micros : micros;
        return true;
    }
}
