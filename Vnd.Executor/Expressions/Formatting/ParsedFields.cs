using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions.Formatting;

/// <summary>
/// The fields to_timestamp/to_date read from their input, then checked and combined as PostgreSQL's
/// do_to_timestamp does: a Julian day or a day of the year stands in for month and day, a 12-hour clock needs an
/// hour of 1–12, a field out of range is 22008 naming the whole input. Fields the template doesn't name default to
/// January 1st, midnight; a date without a year would be in 1 BC, which VND's timestamps cannot hold.
/// </summary>
internal sealed class ParsedFields
{
    public long? Year { get; set; }
    public long? Century { get; set; }
    public long? Month { get; set; }
    public long? Day { get; set; }
    public long? DayOfYear { get; set; }
    public long? Julian { get; set; }
    public long? Hour { get; set; }
    public bool TwelveHour { get; set; }
    public long Minute { get; set; }
    public long Second { get; set; }
    public long? SecondsOfDay { get; set; }
    public long FractionMicros { get; set; }
    public int Meridiem { get; set; } // 0 none, 1 AM, 2 PM
    public long OffsetHours { get; set; }
    public long OffsetMinutes { get; set; }

    public long OffsetSeconds => (OffsetHours * 3600) + (OffsetHours < 0 ? -OffsetMinutes : OffsetMinutes) * 60;

    public void Set(string keyword, long value, int digits)
    {
        switch (keyword)
        {
            case "YYYY" or "IYYY": Year = value; break;
            case "YYY" or "YY" or "Y" or "IYY" or "IY" or "I": Year = digits < 4 ? PartialYear(value) : value; break;
            case "CC": Century = value; break;
            case "MM": Month = value; break;
            case "DD": Day = value; break;
            case "DDD" or "IDDD": DayOfYear = value; break;
            case "J": Julian = value; break;
            case "HH" or "HH12": Hour = value; TwelveHour = true; break;
            case "HH24": Hour = value; break;
            case "MI": Minute = value; break;
            case "SS": Second = value; break;
            case "SSSS" or "SSSSS": SecondsOfDay = value; break;
            // "25" is 0.25 s and "025" 0.025 s: the digits read set the scale.
            case "MS": FractionMicros += value * Scale(3 - digits) * 1000; break;
            case "US": FractionMicros += value * Scale(6 - digits); break;
            case ['F', 'F', _]: FractionMicros += value * Scale(6 - digits); break;
            case "TZH": OffsetHours = value; break;
            case "TZM": OffsetMinutes = value; break;
            default: break; // D, ID, W, WW, IW, Q: read and, as in PostgreSQL, not needed for the date
        }
    }

    public long DayNumber(string input)
    {
        if (Julian is { } julian)
            return julian - 1_721_426;
        var year = Year ?? (Century is { } cc ? ((cc - 1) * 100) + 1 : 0);
        if (year < 1)
            throw new ExecutionException(SqlState.DatetimeFieldOverflow, "dates before 0001-01-01 are not supported");
        if (year > 9999)
            throw OutOfRange(input);
        if (DayOfYear is { } doy && Month is null && Day is null)
        {
            var days = DateTime.IsLeapYear((int)year) ? 366 : 365;
            if (doy < 1 || doy > days)
                throw OutOfRange(input);
            return new DateOnly((int)year, 1, 1).DayNumber + doy - 1;
        }
        var month = Month ?? 1;
        var day = Day ?? 1;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month))
            throw OutOfRange(input);
        return new DateOnly((int)year, (int)month, (int)day).DayNumber;
    }

    public long TimeOfDayMicros(string input)
    {
        long hour = Hour ?? 0, minute = Minute, second = Second;
        if (SecondsOfDay is { } sssss)
        {
            if (sssss is < 0 or >= 86_400)
                throw OutOfRange(input);
            hour = sssss / 3600;
            minute = sssss / 60 % 60;
            second = sssss % 60;
        }
        if (TwelveHour || Meridiem != 0)
        {
            if (Hour is { } h && h is < 1 or > 12)
                throw new ExecutionException(SqlState.InvalidDatetimeFormat, $"hour \"{h}\" is invalid for the 12-hour clock");
            if (Meridiem == 2 && hour < 12)
                hour += 12;
            else if (Meridiem == 1 && hour == 12)
                hour = 0;
        }
        if (hour is < 0 or > 24 || minute is < 0 or > 59 || second is < 0 or > 60
            || (hour == 24 && (minute > 0 || second > 0 || FractionMicros > 0)))
            throw OutOfRange(input);
        return (((hour * 60) + minute) * 60 + second) * 1_000_000 + FractionMicros;
    }

    private static ExecutionException OutOfRange(string input) =>
        new(SqlState.DatetimeFieldOverflow, $"date/time field value out of range: \"{input}\"");

    /// <summary>PostgreSQL's adjust_partial_year_to_2020: 0–69 → 20xx, 70–99 → 19xx, 100–519 → 2xxx, 520–999 → 1xxx.</summary>
    private static long PartialYear(long year) => year switch
    {
        < 70 => year + 2000,
        < 100 => year + 1900,
        < 520 => year + 2000,
        < 1000 => year + 1000,
        _ => year,
    };

    private static long Scale(int zeros)
    {
        long p = 1;
        for (var k = 0; k < zeros; k++)
            p *= 10;
        return p;
    }
}
