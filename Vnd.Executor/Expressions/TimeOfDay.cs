using System.Globalization;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// The <c>time</c> type's values: microseconds since midnight, 0 … 24:00:00 inclusive as in PostgreSQL. Input
/// follows time_in for the forms people type (HH:MM, HH:MM:SS[.f], HHMMSS, a 12-hour clock with AM/PM, a date or a
/// zone around the time, which time without time zone ignores, and 'allballs'); output is time_out's HH:MM:SS[.f].
/// </summary>
public static class TimeOfDay
{
    public const long MicrosPerDay = 86_400_000_000L;

    public static long Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals("allballs", StringComparison.OrdinalIgnoreCase))
            return 0;
        var words = trimmed.Split([' ', 'T'], StringSplitOptions.RemoveEmptyEntries);
        string? clock = null;
        var meridiem = 0;
        foreach (var word in words)
        {
            if (word.Equals("am", StringComparison.OrdinalIgnoreCase) || word.Equals("pm", StringComparison.OrdinalIgnoreCase))
            {
                meridiem = char.ToLowerInvariant(word[0]) == 'a' ? 1 : 2;
                continue;
            }
            // A date before the time, and a zone after it, are accepted and ignored.
            if (word.Contains('-', StringComparison.Ordinal) && word.IndexOf('-', StringComparison.Ordinal) > 0 && clock is null && !word.Contains(':', StringComparison.Ordinal))
                continue;
            if (clock is null && (word.Contains(':', StringComparison.Ordinal) || (word.Length == 6 && word.All(char.IsAsciiDigit))))
            {
                clock = StripZone(word);
                continue;
            }
            if (clock is not null && IsZone(word))
                continue;
            throw Invalid(text);
        }
        if (clock is null)
            throw Invalid(text);
        var (hour, minute, micros) = Clock(clock, text);
        if (meridiem != 0)
        {
            if (hour is < 1 or > 12)
                throw OutOfRange(text);
            hour = (hour % 12) + (meridiem == 2 ? 12 : 0);
        }
        if (hour > 24 || minute > 59)
            throw OutOfRange(text);
        var value = (((hour * 60L) + minute) * 60_000_000L) + micros;
        return value > MicrosPerDay ? throw OutOfRange(text) : value;
    }

    /// <summary>The text of a time as time_out prints it.</summary>
    public static string Format(long micros)
    {
        var seconds = micros / 1_000_000;
        var fraction = micros % 1_000_000;
        var text = string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}");
        return fraction == 0 ? text : text + "." + fraction.ToString("000000", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    /// <summary>A timestamp's time of day (the stored value is UTC for timestamptz, as the executor keeps it).</summary>
    public static long OfTimestamp(long microsSinceEpoch) => ((microsSinceEpoch % MicrosPerDay) + MicrosPerDay) % MicrosPerDay;

    /// <summary>time ± an amount of microseconds wraps around midnight (time_pl_interval ignores days and months).</summary>
    public static long Shift(long time, long micros)
    {
        var result = (time + (micros % MicrosPerDay)) % MicrosPerDay;
        return result < 0 ? result + MicrosPerDay : result;
    }

    private static (int Hour, int Minute, long Micros) Clock(string clock, string text)
    {
        if (!clock.Contains(':', StringComparison.Ordinal))
            return (Digits(clock.AsSpan(0, 2), text), Digits(clock.AsSpan(2, 2), text), Digits(clock.AsSpan(4, 2), text) * 1_000_000L);
        var parts = clock.Split(':');
        if (parts.Length is < 2 or > 3)
            throw Invalid(text);
        var hour = Digits(parts[0], text);
        var minute = Digits(parts[1], text);
        long micros = 0;
        if (parts.Length == 3)
        {
            if (!decimal.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || parts[2].Length == 0 || !char.IsAsciiDigit(parts[2][0]))
                throw Invalid(text);
            // The seconds are checked before rounding: 23:59:59.9999995 rounds up to 24:00:00, as time_in does.
            if (seconds >= 60m)
                throw OutOfRange(text);
            micros = (long)Math.Round(seconds * 1_000_000m, MidpointRounding.ToEven);
        }
        return (hour, minute, micros);
    }

    private static int Digits(ReadOnlySpan<char> digits, string text)
    {
        if (digits.Length is 0 or > 2 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw Invalid(text);
        return value;
    }

    /// <summary>"12:00:00+02", "12:00:00-05:30", "12:00Z": the zone is cut off.</summary>
    private static string StripZone(string word)
    {
        var end = word.Length;
        if (word.EndsWith('Z') || word.EndsWith('z'))
            end--;
        var sign = word.IndexOfAny(['+', '-'], 1);
        return word[..(sign > 0 ? Math.Min(sign, end) : end)];
    }

    private static bool IsZone(string word) =>
        word.Equals("UTC", StringComparison.OrdinalIgnoreCase) || word.Equals("GMT", StringComparison.OrdinalIgnoreCase)
        || word.Equals("Z", StringComparison.OrdinalIgnoreCase) || word[0] is '+' or '-';

    private static ExecutionException Invalid(string text) =>
        new(SqlState.InvalidDatetimeFormat, $"invalid input syntax for type time: \"{text}\"");

    private static ExecutionException OutOfRange(string text) =>
        new(SqlState.DatetimeFieldOverflow, $"date/time field value out of range: \"{text}\"");
}
