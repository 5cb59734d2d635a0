namespace Vnd.Wire.Types;

/// <summary>PostgreSQL's time origin (2000-01-01) and conversions between .NET time and wire integers.</summary>
public static class PgEpoch
{
    /// <summary>2000-01-01T00:00:00 in .NET ticks.</summary>
    public const long Ticks = 630_822_816_000_000_000L;

    /// <summary>Timestamp 'infinity' / '-infinity' on the wire (int64 max/min).</summary>
    public const long Infinity = long.MaxValue;
    public const long NegativeInfinity = long.MinValue;

    /// <summary>Date 'infinity' / '-infinity' on the wire (int32 max/min).</summary>
    public const int DateInfinity = int.MaxValue;
    public const int DateNegativeInfinity = int.MinValue;

    private static readonly DateOnly EpochDate = new(2000, 1, 1);

    public static long ToMicroseconds(DateTime value) => (value.Ticks - Ticks) / 10;

    public static int ToDays(DateOnly value) => value.DayNumber - EpochDate.DayNumber;

    /// <summary>False when the value lies outside .NET's DateTime range (years 1..9999).</summary>
    public static bool TryToDateTime(long microseconds, DateTimeKind kind, out DateTime value)
    {
        const long MinMicros = -Ticks / 10;
        const long MaxMicros = (3_155_378_975_999_999_999L - Ticks) / 10;
        if (microseconds < MinMicros || microseconds > MaxMicros)
        {
            value = default;
            return false;
        }

        value = new DateTime(Ticks + (microseconds * 10), kind);
        return true;
    }

    public static bool TryToDate(int days, out DateOnly value)
    {
        var dayNumber = (long)EpochDate.DayNumber + days;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            value = default;
            return false;
        }

        value = DateOnly.FromDayNumber((int)dayNumber);
        return true;
    }
}
